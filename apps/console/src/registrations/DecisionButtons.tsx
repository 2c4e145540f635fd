import { useState } from 'react';
import { Button, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';
import { type Decision, decide, type Registration } from './registrationsApi';

/**
 * The decisions a registration's status allows (pending: approve or reject; approved: cancel). Reject and cancel
 * ask for a reason first (the api requires one to reject, and it is mailed to the delegate).
 */
export function DecisionButtons({
  eventId,
  registration,
  onDecided,
  onError,
}: {
  eventId: string;
  registration: Registration;
  onDecided: () => void;
  onError: (envelope: ErrorEnvelope) => void;
}) {
  const { t } = useTranslation('registrations');
  const [asking, setAsking] = useState<Decision>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const name = registration.nameNative ?? registration.nameLatin ?? '';

  const run = async (decision: Decision, why?: string) => {
    setBusy(true);
    try {
      await decide(eventId, registration.id, decision, why);
      setAsking(undefined);
      setReason('');
      onDecided();
    } catch (caught) {
      if (caught instanceof ApiError) onError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size="small">
      {registration.status === 'pending' && (
        <>
          <Button size="small" loading={busy} onClick={() => void run('approve')} aria-label={t('decide.approveOne', { name })}>
            {t('decide.approve')}
          </Button>
          <Button size="small" onClick={() => setAsking('reject')} aria-label={t('decide.rejectOne', { name })}>
            {t('decide.reject')}
          </Button>
        </>
      )}
      {registration.status === 'approved' && (
        <Button size="small" onClick={() => setAsking('cancel')} aria-label={t('decide.cancelOne', { name })}>
          {t('decide.cancel')}
        </Button>
      )}
      <Modal
        open={asking !== undefined}
        title={asking ? t(`decide.${asking}Title`, { name }) : undefined}
        okText={asking ? t(`decide.${asking}`) : undefined}
        cancelText={t('common:actions.cancel')}
        okButtonProps={{ disabled: asking === 'reject' && reason.trim() === '', loading: busy }}
        onOk={() => asking && void run(asking, reason.trim() || undefined)}
        onCancel={() => setAsking(undefined)}
        destroyOnHidden
      >
        <Input.TextArea aria-label={t('decide.reason')} placeholder={t('decide.reason')} value={reason} maxLength={1000} onChange={(event) => setReason(event.target.value)} />
      </Modal>
    </Space>
  );
}
