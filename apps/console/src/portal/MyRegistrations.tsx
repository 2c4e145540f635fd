import { Card, Empty, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { formatDay } from '../shared/time';
import { pickText } from '../shared/trilingual';
import { getMyEdition, listMyRegistrations, type MyEdition, type MyRegistration } from './portalApi';
import { StatusTag } from './StatusTag';
import { usePortalLoad } from './usePortalLoad';

/** /me: the delegate's registrations, one per edition, each with its state and what it means. */
export function MyRegistrations() {
  const { t } = useTranslation('portal');
  const { data, error } = usePortalLoad(async () => {
    const page = await listMyRegistrations();
    // Each registration names its edition by id; the edition's names come from its own route.
    const editions = await Promise.all(page.items.map((registration) => getMyEdition(registration.id)));
    return page.items.map((registration, index) => ({ registration, edition: editions[index] }));
  }, []);

  return (
    <section>
      <Typography.Title level={2}>{t('list.title')}</Typography.Title>
      {error && <ApiErrorAlert envelope={error} />}
      {!data && !error && <Spin />}
      {data && data.length === 0 && <Empty description={t('list.empty')} />}
      {data && data.length > 0 && (
        <List
          dataSource={data}
          rowKey={(item) => item.registration.id}
          renderItem={(item) => <RegistrationCard registration={item.registration} edition={item.edition} />}
        />
      )}
    </section>
  );
}

function RegistrationCard({ registration, edition }: { registration: MyRegistration; edition: MyEdition }) {
  const { t, i18n } = useTranslation('portal');
  return (
    <List.Item>
      <Card
        style={{ width: '100%' }}
        data-testid="my-registration-card"
        title={
          <Link to={`/me/registrations/${registration.id}`} data-testid="my-registration-link">
            {pickText(edition.name, i18n.language)}
          </Link>
        }
        extra={<StatusTag status={registration.status} />}
      >
        <Typography.Paragraph>{t(`meaning.${registration.status}`)}</Typography.Paragraph>
        <Typography.Text className="portal-note">
          {pickText(edition.city, i18n.language)} · {formatDay(edition.firstDay, i18n.language)} – {formatDay(edition.lastDay, i18n.language)}
        </Typography.Text>
      </Card>
    </List.Item>
  );
}
