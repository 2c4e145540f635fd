import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { scanQueue } from './scanQueue';

export function useQueue() {
  return useSyncExternalStore(scanQueue.subscribe, scanQueue.snapshot);
}

/** Said all the time, at the top: online or offline, and how many scans wait to be sent. */
export function StatusBar() {
  const { t } = useTranslation('checkin');
  const { online, waiting } = useQueue();
  return (
    <div className={`checkin-status ${online ? 'is-online' : 'is-offline'}`} role="status" aria-live="polite" data-testid="network-status" data-online={online} data-waiting={waiting}>
      <strong>{online ? t('status.online') : t('status.offline')}</strong>
      <span>{t('status.waiting', { count: waiting })}</span>
    </div>
  );
}
