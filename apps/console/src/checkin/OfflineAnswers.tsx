import { Button, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatEventTime } from '../shared/time';
import { kindOf } from './feedback';
import { scanQueue } from './scanQueue';
import { useQueue } from './StatusBar';

/** Scans answered later, through the batch: what happened while offline, latest first, until cleared. */
export function OfflineAnswers({ timeZone }: { timeZone: string }) {
  const { t, i18n } = useTranslation('checkin');
  const { offlineAnswers } = useQueue();
  if (offlineAnswers.length === 0) return null;
  return (
    <section aria-labelledby="offline-answers-title" className="checkin-offline" data-testid="offline-answers">
      <Typography.Title level={2} id="offline-answers-title" className="checkin-h2">
        {t('offline.title', { count: offlineAnswers.length })}
      </Typography.Title>
      <List
        size="small"
        dataSource={offlineAnswers}
        renderItem={(scan) => {
          const answer = scan.answer!;
          const kind = kindOf(answer.code);
          const who = answer.details.delegate;
          return (
            <List.Item className={`checkin-offline-item checkin-offline-${kind}`} data-code={answer.code}>
              <span className="checkin-offline-time">{formatEventTime(scan.scannedAt, timeZone, i18n.language, { timeStyle: 'medium' })}</span>
              <span className="checkin-offline-word">{kind === 'ok' ? t('answer.ok') : kind === 'again' ? t('answer.again') : t(`errors:${answer.code}`, { defaultValue: t('errors:UNKNOWN', { code: answer.code }) })}</span>
              <span>{[who?.nameNative, who?.nameLatin].filter(Boolean).join(' · ')}</span>
            </List.Item>
          );
        }}
      />
      <Button onClick={() => void scanQueue.clearOfflineAnswers()}>{t('offline.clear')}</Button>
    </section>
  );
}
