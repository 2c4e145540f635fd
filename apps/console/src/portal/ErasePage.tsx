import { useState } from 'react';
import { Alert, Button, Checkbox, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ErrorEnvelope } from '../api/client';
import { signOut } from '../auth/session';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { eraseMyRegistration } from './portalApi';
import type { RegistrationPageProps } from './RegistrationFrame';
import { attempt } from './usePortalLoad';

const ERASED = ['names', 'contact', 'needs', 'stay', 'visa', 'seats', 'badge', 'agenda', 'account'] as const;
const KEPT = ['counts', 'consent', 'audit', 'messages'] as const;

/**
 * /me/registrations/:id/erase: what erasure deletes and what it keeps (and why) said first, in the reader's words,
 * then a confirmation; the api erases (DELETE /api/me/registrations/{id}) and the delegate is signed out, since a
 * delegate's account goes with its last registration.
 */
export function ErasePage({ registration }: RegistrationPageProps) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);

  const erase = async () => {
    setBusy(true);
    const done = await attempt(() => eraseMyRegistration(registration.id).then(() => true), setError);
    if (done) {
      // The account's sessions are revoked with it: the logout may be refused, the local session goes anyway.
      await signOut().catch(() => undefined);
      navigate('/sign-in?signedOut', { replace: true });
      return;
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="portal-erase-title" data-testid="portal-erase">
      <Typography.Title level={3} id="portal-erase-title">
        {t('erase.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('erase.intro')}</Typography.Paragraph>
      <Typography.Title level={4}>{t('erase.deletedTitle')}</Typography.Title>
      <ul data-testid="portal-erase-deleted">
        {ERASED.map((key) => (
          <li key={key}>{t(`erase.deleted.${key}`)}</li>
        ))}
      </ul>
      <Typography.Title level={4}>{t('erase.keptTitle')}</Typography.Title>
      <ul data-testid="portal-erase-kept">
        {KEPT.map((key) => (
          <li key={key}>{t(`erase.kept.${key}`)}</li>
        ))}
      </ul>
      <Alert type="warning" showIcon title={t('erase.final')} style={{ marginBottom: 16 }} />
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Checkbox checked={understood} onChange={(event) => setUnderstood(event.target.checked)} data-testid="portal-erase-understood">
        {t('erase.understood')}
      </Checkbox>
      <div style={{ marginTop: 16 }}>
        <Popconfirm
          title={t('erase.confirmTitle')}
          description={t('erase.confirmText')}
          okText={t('erase.confirmYes')}
          cancelText={t('erase.keep')}
          okButtonProps={{ danger: true, 'data-testid': 'portal-erase-confirm' }}
          onConfirm={() => void erase()}
          disabled={!understood}
        >
          <Button danger type="primary" disabled={!understood} loading={busy} data-testid="portal-erase-button">
            {t('erase.button')}
          </Button>
        </Popconfirm>
      </div>
    </section>
  );
}
