import { useState } from 'react';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorEnvelope } from '../api/client';

/**
 * Delete after a confirmation. The api refuses a record still used (a venue with rooms, a room or track with
 * sessions: 409 FOREIGN_KEY_VIOLATION); the refusal goes to `onError`, for the list's ApiErrorAlert.
 */
export function DeleteButton({ name, remove, onDeleted, onError }: { name: string; remove: () => Promise<unknown>; onDeleted: () => void; onError: (envelope: ErrorEnvelope) => void }) {
  const { t } = useTranslation('editions');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await remove();
      onDeleted();
    } catch (caught) {
      if (caught instanceof ApiError) onError(caught.envelope);
      else throw caught;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={t('delete.confirm', { name })} okText={t('delete.action')} okButtonProps={{ danger: true }} cancelText={t('common:actions.cancel')} onConfirm={() => run()}>
      <Button size="small" danger loading={busy} aria-label={t('delete.one', { name })}>
        {t('delete.action')}
      </Button>
    </Popconfirm>
  );
}
