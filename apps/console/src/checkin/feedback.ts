import type { ScanCode } from './checkinApi';

export type AnswerKind = 'ok' | 'again' | 'refused' | 'queued';

export function kindOf(code: ScanCode | undefined): AnswerKind {
  if (code === undefined) return 'queued';
  if (code === 'CHECKED_IN') return 'ok';
  if (code === 'ALREADY_CHECKED_IN') return 'again';
  return 'refused';
}

// One rising tone for yes, two level ones for "already", a low buzz for no: told apart without looking.
const TONES: Record<AnswerKind, { freq: number; ms: number }[]> = {
  ok: [{ freq: 880, ms: 120 }, { freq: 1320, ms: 160 }],
  again: [{ freq: 660, ms: 120 }, { freq: 0, ms: 80 }, { freq: 660, ms: 120 }],
  refused: [{ freq: 200, ms: 450 }],
  queued: [{ freq: 520, ms: 90 }],
};
const VIBRATION: Record<AnswerKind, number[]> = { ok: [80], again: [80, 80, 80], refused: [400], queued: [40] };

let audio: AudioContext | undefined;

/** A sound (Web Audio, no files) and a vibration per kind of answer; silent where the device has neither. */
export function signal(kind: AnswerKind): void {
  try {
    navigator.vibrate?.(VIBRATION[kind]);
  } catch {
    // Vibration is a nicety.
  }
  try {
    audio ??= new AudioContext();
    let t = audio.currentTime;
    for (const { freq, ms } of TONES[kind]) {
      if (freq > 0) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.type = kind === 'refused' ? 'square' : 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.2, t);
        gain.gain.exponentialRampToValueAtTime(0.001, t + ms / 1000);
        osc.connect(gain).connect(audio.destination);
        osc.start(t);
        osc.stop(t + ms / 1000);
      }
      t += ms / 1000;
    }
  } catch {
    // No audio device (or autoplay refused before the first tap): the colour says it all the same.
  }
}
