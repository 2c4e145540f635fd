import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: { new (options: { formats: string[] }): DetectorLike; getSupportedFormats?(): Promise<string[]> };
  }
}

const SAME_CODE_PAUSE_MS = 3000; // a badge held in front of the camera is one scan, not ten

/**
 * The camera, reading QR codes: the browser's own BarcodeDetector where it has one with QR (Chrome on Android,
 * Safari), else @zxing/browser (plain JavaScript, no wasm to self-host, kept up; loaded only when needed). Each new
 * code is handed to onCode once; the same code again only after a pause.
 */
export function CameraScanner({ onCode, paused }: { onCode: (code: string) => void; paused: boolean }) {
  const { t } = useTranslation('checkin');
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string>();
  const latest = useRef(onCode);
  latest.current = onCode;
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let stopZxing: (() => void) | undefined;
    const last = { code: '', at: 0 };
    const seen = (code: string) => {
      const now = Date.now();
      if (pausedRef.current || (code === last.code && now - last.at < SAME_CODE_PAUSE_MS)) return;
      last.code = code;
      last.at = now;
      latest.current(code);
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
      const native = window.BarcodeDetector && (await window.BarcodeDetector.getSupportedFormats?.())?.includes('qr_code');
      if (native) {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new window.BarcodeDetector!({ formats: ['qr_code'] });
        const tick = async () => {
          if (stopped || !video.current) return;
          try {
            for (const code of await detector.detect(video.current)) seen(code.rawValue);
          } catch {
            // A frame not ready yet.
          }
          window.setTimeout(() => void tick(), 150);
        };
        void tick();
      } else {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        if (stopped || !video.current) return;
        const controls = await new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 }).decodeFromConstraints(
          { video: { facingMode: 'environment' }, audio: false },
          video.current,
          (result) => {
            if (result) seen(result.getText());
          },
        );
        stopZxing = () => controls.stop();
        if (stopped) stopZxing();
      }
    })().catch(() => {
      if (!stopped) setProblem(t('camera.unavailable'));
    });
    return () => {
      stopped = true;
      stopZxing?.();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  return (
    <div className="checkin-camera">
      <video ref={video} muted playsInline aria-label={t('camera.label')} data-testid="camera" />
      {problem && (
        <p className="checkin-camera-problem" role="status">
          {problem}
        </p>
      )}
    </div>
  );
}
