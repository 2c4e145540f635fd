import { useCallback, useEffect, useState } from 'react';
import { Button, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, call, type ErrorEnvelope } from '../api/client';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EventTime } from '../shared/EventTime';
import { pickText } from '../shared/trilingual';
import { DecisionButtons } from './DecisionButtons';
import { downloadBadge, getRegistration, type Registration } from './registrationsApi';
import { STATUS_COLOURS } from './statusColours';
import { useEventTimeZone } from './useEventTimeZone';

/**
 * /editions/:eventId/registrations/:registrationId: everything the api returns for one registration, its decisions
 * and its badge. The api keeps no status history for organisers (the audit log is admins'), so the current status
 * and its reason are shown.
 */
export function RegistrationDetail() {
  const { t, i18n } = useTranslation('registrations');
  const { eventId = '', registrationId = '' } = useParams();
  const timeZone = useEventTimeZone(eventId);
  const [registration, setRegistration] = useState<Registration>();
  const [organisation, setOrganisation] = useState<string>();
  const [error, setError] = useState<ErrorEnvelope>();
  const [loadError, setLoadError] = useState<ErrorEnvelope>();
  const [downloading, setDownloading] = useState(false);

  const load = useCallback(() => {
    getRegistration(eventId, registrationId)
      .then(setRegistration)
      .catch((caught: unknown) => {
        if (caught instanceof ApiError) setLoadError(caught.envelope);
        else throw caught;
      });
  }, [eventId, registrationId]);
  useEffect(load, [load]);

  // The registration names its organisation by id; its name comes from the directory, in the reader's language.
  useEffect(() => {
    const id = registration?.organisationId;
    if (!id) return;
    call(api.GET('/api/organisations/{id}', { params: { path: { id } } }))
      .then((found) => setOrganisation(pickText(found.name, i18n.language)))
      .catch(() => setOrganisation(undefined));
  }, [registration?.organisationId, i18n.language]);

  const badge = async () => {
    if (!registration) return;
    setDownloading(true);
    try {
      await downloadBadge(eventId, registration);
    } catch (caught) {
      if (caught instanceof ApiError) setError(caught.envelope);
      else throw caught;
    } finally {
      setDownloading(false);
    }
  };

  if (loadError) return <ApiErrorAlert envelope={loadError} />;
  if (!registration) return <Spin aria-label={t('common:state.loading')} />;

  const r = registration;
  const none = '—';
  const text = (value: string | null | undefined) => value || none;
  const time = (at: string | null) => (at && timeZone ? <EventTime at={at} timeZone={timeZone} /> : none);
  const name = r.nameNative ?? r.nameLatin ?? none;
  const yes = (value: boolean) => (value ? t('detail.yes') : t('detail.no'));

  return (
    <section aria-labelledby="registration-title" className="console-workspace registrations-page">
      <Typography.Paragraph>
        <Link to="..">{t('nav.list')}</Link>
      </Typography.Paragraph>
      <Typography.Title level={2} id="registration-title">
        {name}
      </Typography.Title>
      {error && <ApiErrorAlert envelope={error} onClose={() => setError(undefined)} />}
      <Space style={{ marginBottom: 16 }} wrap>
        <Tag color={STATUS_COLOURS[r.status]} data-testid="registration-status">
          {t(`status.${r.status}`)}
        </Tag>
        <DecisionButtons eventId={eventId} registration={r} onDecided={load} onError={setError} />
        <Button onClick={() => void badge()} loading={downloading} disabled={!r.badgeAvailable} data-testid="badge-download">
          {t('detail.badge')}
        </Button>
        {!r.badgeAvailable && <Typography.Text type="secondary">{t('detail.noBadge')}</Typography.Text>}
      </Space>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 260 } }} title={t('detail.person')} data-testid="registration-person">
        <Descriptions.Item label={t('detail.nameNative')}>{text(r.nameNative)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.nameLatin')}>{text(r.nameLatin)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.email')}>{text(r.email)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.country')}>{text(r.country)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.organisation')}>{r.organisationId ? (organisation ?? none) : none}</Descriptions.Item>
        <Descriptions.Item label={t('detail.position')}>{text(r.position)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.phone')}>{text(r.phone)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.language')}>{t(`detail.languages.${r.preferredLanguage}`)}</Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 260 } }} title={t('detail.registration')} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('detail.category')}>{t(`category.${r.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.status')}>{t(`status.${r.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.statusReason')}>{text(r.statusReason)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.createdAt')}>{time(r.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.stay')}>
          {r.arrivalDate || r.departureDate ? `${text(r.arrivalDate)} – ${text(r.departureDate)}` : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.interpretation')}>
          {r.interpretationNeeds.length ? r.interpretationNeeds.map((language) => t(`detail.languages.${language}`)).join(', ') : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.dietary')}>{text(r.dietaryNeeds)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.accessibility')}>{text(r.accessibilityNeeds)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.consent')}>
          {t('detail.consentVersion', { version: r.consentVersion })}, {time(r.consentAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.listed')}>{yes(r.listedConsent)}</Descriptions.Item>
        {r.anonymisedAt && <Descriptions.Item label={t('detail.anonymisedAt')}>{time(r.anonymisedAt)}</Descriptions.Item>}
      </Descriptions>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 260 } }} title={t('detail.delegation')} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('detail.delegationName')}>{r.delegation ? r.delegation.name : none}</Descriptions.Item>
        <Descriptions.Item label={t('detail.delegationCountry')}>{text(r.delegation?.country)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.delegationHead')}>
          {r.delegation?.head ? (
            <>
              <Link to={`../${r.delegation.head.registrationId}`}>{r.delegation.head.nameNative ?? r.delegation.head.nameLatin}</Link>{' '}
              {r.delegation.head.confirmed ? t('detail.headConfirmed') : t('detail.headClaimed')}
            </>
          ) : (
            none
          )}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 260 } }} title={t('detail.visa')} style={{ marginTop: 16 }}>
        {r.visa ? (
          <>
            <Descriptions.Item label={t('detail.nationality')}>{text(r.visa.nationality)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.passport')}>{text(r.visa.passportNumber)}</Descriptions.Item>
            <Descriptions.Item label={t('detail.birth')}>{text(r.visa.dateOfBirth)}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('detail.visa')}>{t('detail.noVisa')}</Descriptions.Item>
        )}
      </Descriptions>
    </section>
  );
}
