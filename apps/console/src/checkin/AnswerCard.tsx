import { useTranslation } from 'react-i18next';
import { formatEventTime } from '../shared/time';
import type { ScanAnswer } from './checkinApi';
import { kindOf } from './feedback';

/**
 * A scan's answer, read at a glance: green CHECKED_IN with the name in both scripts and the delegation, amber
 * ALREADY_CHECKED_IN with the first time (in the event's zone), red for a refusal in the reader's language,
 * grey for a scan kept to send later. The colour is never the only sign: the word says it too.
 */
export function AnswerCard({ answer, timeZone }: { answer: ScanAnswer | 'queued'; timeZone: string }) {
  const { t, i18n } = useTranslation('checkin');
  if (answer === 'queued') {
    return (
      <section className="checkin-answer checkin-answer-queued" role="status" aria-live="assertive" data-testid="scan-answer" data-kind="queued">
        <p className="checkin-answer-word">{t('answer.queued')}</p>
        <p>{t('answer.queuedHint')}</p>
      </section>
    );
  }
  const kind = kindOf(answer.code);
  const delegate = answer.details.delegate;
  const word = kind === 'ok' ? t('answer.ok') : kind === 'again' ? t('answer.again') : t(`errors:${answer.code}`, { defaultValue: t('errors:UNKNOWN', { code: answer.code }) });
  return (
    <section className={`checkin-answer checkin-answer-${kind}`} role="status" aria-live="assertive" data-testid="scan-answer" data-kind={kind} data-code={answer.code}>
      <p className="checkin-answer-word">{word}</p>
      {delegate && (delegate.nameNative || delegate.nameLatin) && (
        <div className="checkin-answer-person">
          {delegate.nameNative && <p className="checkin-answer-name" lang="und">{delegate.nameNative}</p>}
          {delegate.nameLatin && delegate.nameLatin !== delegate.nameNative && <p className="checkin-answer-latin">{delegate.nameLatin}</p>}
          {delegate.delegation && <p className="checkin-answer-delegation">{t('answer.delegation', { name: delegate.delegation.name })}</p>}
        </div>
      )}
      {kind === 'again' && answer.details.checkedInAt && (
        <p className="checkin-answer-first" data-testid="first-time">
          {t('answer.firstAt', { time: formatEventTime(answer.details.checkedInAt, timeZone, i18n.language, { dateStyle: 'short', timeStyle: 'medium' }) })}
        </p>
      )}
    </section>
  );
}
