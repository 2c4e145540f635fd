import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { pickText } from '../shared/trilingual';
import { downloadMyBadge } from './portalApi';
import type { RegistrationPageProps } from './RegistrationFrame';
import { attempt } from './usePortalLoad';

/**
 * /me/registrations/:id/badge, where the approval mail's link lands (after sign-in): the badge as a PDF, fetched
 * through the typed client with the bearer token, or why there is none yet.
 */
export function BadgePage({ registration, edition }: RegistrationPageProps) {
  const { t, i18n } = useTranslation('portal');
  const [error, setError] = useState<ErrorEnvelope>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const download = async () => {
    setBusy(true);
    setError(undefined);
    if ((await attempt(() => downloadMyBadge(registration).then(() => true), setError)) === true) setDone(true);
    setBusy(false);
  };

  return (
    <section aria-labelledby="portal-badge-title">
      <Typography.Title level={3} id="portal-badge-title">
        {t('badge.title')}
      </Typography.Title>
      {!registration.badgeAvailable && <Alert type="info" showIcon data-testid="portal-no-badge" title={t(`badge.none.${registration.status}`)} />}
      {registration.badgeAvailable && (
        <Card style={{ maxWidth: 560 }} data-testid="portal-badge">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('field.nameNative')}>{registration.nameNative}</Descriptions.Item>
            <Descriptions.Item label={t('field.nameLatin')}>{registration.nameLatin}</Descriptions.Item>
            <Descriptions.Item label={t('field.category')}>{t(`category.${registration.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('badge.edition')}>{pickText(edition.name, i18n.language)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph>{t('badge.how')}</Typography.Paragraph>
          <Button type="primary" onClick={() => void download()} loading={busy} data-testid="portal-badge-download">
            {t('badge.download')}
          </Button>
          {done && <Alert type="success" role="status" style={{ marginTop: 12 }} title={t('badge.downloaded')} />}
        </Card>
      )}
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
    </section>
  );
}
