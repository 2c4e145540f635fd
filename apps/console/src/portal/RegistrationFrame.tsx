import { Alert, Breadcrumb, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { NotFound } from '../app/NotFound';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { TimeZoneNote } from '../shared/EventTime';
import { pickText } from '../shared/trilingual';
import { AgendaPage } from './AgendaPage';
import { BadgePage } from './BadgePage';
import { ErasePage } from './ErasePage';
import { getMyEdition, getMyRegistration, type MyEdition, type MyRegistration } from './portalApi';
import { ProgrammePage } from './ProgrammePage';
import { RegistrationOverview } from './RegistrationOverview';
import { StatusTag } from './StatusTag';
import { usePortalLoad } from './usePortalLoad';
import { usePromotionWatch } from './usePromotionWatch';

const TABS = ['', 'programme', 'badge', 'agenda', 'erase'] as const;

export interface RegistrationPageProps {
  registration: MyRegistration;
  edition: MyEdition;
  /** Read the registration again (after an edit, a cancellation). */
  reload: () => void;
}

/**
 * /me/registrations/:registrationId/*: one registration, its edition named at the head, and one tab per thing a
 * delegate does with it. While it is open the seats are watched, so a promotion from a waiting list is said on any tab.
 */
export function RegistrationFrame() {
  const { t, i18n } = useTranslation('portal');
  const { registrationId = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { data, error, reload } = usePortalLoad(
    () => Promise.all([getMyRegistration(registrationId), getMyEdition(registrationId)]).then(([registration, edition]) => ({ registration, edition })),
    [registrationId],
  );
  const watch = usePromotionWatch(registrationId);
  const base = `/me/registrations/${registrationId}`;
  const tab = TABS.find((key) => key && pathname.startsWith(`${base}/${key}`)) ?? '';

  if (error) return <ApiErrorAlert envelope={error} />;
  if (!data) return <Spin />;
  const { registration, edition } = data;
  const props: RegistrationPageProps = { registration, edition, reload };

  return (
    <section>
      <Breadcrumb items={[{ title: <Link to="/me">{t('list.title')}</Link> }, { title: pickText(edition.name, i18n.language) }]} />
      <Space align="center" wrap style={{ marginTop: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {pickText(edition.name, i18n.language)}
        </Typography.Title>
        <StatusTag status={registration.status} />
      </Space>
      <div>
        <TimeZoneNote timeZone={edition.timeZone} />
      </div>
      {watch.promotions.map((promotion) => (
        <Alert
          key={promotion.id}
          type="success"
          showIcon
          role="status"
          data-testid="promotion-notice"
          style={{ marginTop: 12 }}
          title={t('promotion.title')}
          description={t('promotion.text', { title: pickText(promotion.sessionTitle, i18n.language) })}
          closable={{ onClose: () => watch.dismiss(promotion.id) }}
        />
      ))}
      <Tabs
        activeKey={tab || 'overview'}
        onChange={(key) => navigate(key === 'overview' ? base : `${base}/${key}`)}
        items={TABS.map((key) => ({ key: key || 'overview', label: t(`tabs.${key || 'overview'}`) }))}
        style={{ marginTop: 12 }}
      />
      <Routes>
        <Route index element={<RegistrationOverview {...props} />} />
        <Route path="programme" element={<ProgrammePage {...props} version={watch.version} onSeat={watch.saw} />} />
        <Route path="badge" element={<BadgePage {...props} />} />
        <Route path="agenda" element={<AgendaPage {...props} />} />
        <Route path="erase" element={<ErasePage {...props} />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </section>
  );
}
