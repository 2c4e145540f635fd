import { Input } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswerCard } from './AnswerCard';
import { CameraScanner } from './CameraScanner';
import type { ScanAnswer } from './checkinApi';
import { kindOf, signal } from './feedback';
import { scanQueue } from './scanQueue';

/**
 * The camera and the scanner field (a hand-held barcode scanner types the code and Enter, as a keyboard does),
 * both going through the offline-first queue, and the answer of the last scan. `clearAfterMs` (kiosk) takes the
 * answer off the screen after a while, so the next guest does not see the previous one's name.
 */
export function ScanPanel({ listId, timeZone, clearAfterMs, shown }: { listId: string; timeZone: string; clearAfterMs?: number; shown?: (answer: ScanAnswer | 'queued') => void }) {
  const { t } = useTranslation('checkin');
  const [answer, setAnswer] = useState<ScanAnswer | 'queued'>();
  const [typed, setTyped] = useState('');
  const clearTimer = useRef<number | undefined>(undefined);

  const onCode = useCallback(
    async (code: string) => {
      const token = code.trim();
      if (!token) return;
      const outcome = await scanQueue.scan(token, listId);
      const next = outcome.kind === 'answered' ? outcome.answer : 'queued';
      setAnswer(next);
      shown?.(next);
      signal(outcome.kind === 'answered' ? kindOf(outcome.answer.code) : 'queued');
      window.clearTimeout(clearTimer.current);
      if (clearAfterMs) clearTimer.current = window.setTimeout(() => setAnswer(undefined), clearAfterMs);
    },
    [listId, clearAfterMs, shown],
  );
  useEffect(() => () => window.clearTimeout(clearTimer.current), []);

  return (
    <div className="checkin-scan">
      <CameraScanner onCode={(code) => void onCode(code)} paused={false} />
      <form
        className="checkin-typed"
        onSubmit={(event) => {
          event.preventDefault();
          const code = typed;
          setTyped('');
          void onCode(code);
        }}
      >
        <label htmlFor="checkin-code">{t('scanner.label')}</label>
        <Input id="checkin-code" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="scanner-input" placeholder={t('scanner.placeholder')} />
      </form>
      {answer ? <AnswerCard answer={answer} timeZone={timeZone} /> : <p className="checkin-ready">{t('scanner.ready')}</p>}
    </div>
  );
}
