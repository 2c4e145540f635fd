import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { EventTime, TimeZoneNote } from '../shared/EventTime';
import { usePagedList } from '../shared/usePagedList';
import { InviteGuestDialog } from './InviteGuestDialog';
import { type Invitation, listInvitations, type NewInvitation } from './invitationsApi';
import { useEventTimeZone } from './useEventTimeZone';

const STATE_COLOURS = { open: '#0958d9', accepted: '#237804', expired: '#595959', revoked: '#a8071a' } as const;

/** /editions/:eventId/registrations/invitations: whom the edition invited (one by one or by guest list), and what became of it. */
export function InvitationList() {
  const { t } = useTranslation('registrations');
  const { eventId = '' } = useParams();
  const timeZone = useEventTimeZone(eventId);
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<NewInvitation>();
  const list = usePagedList((page, pageSize) => listInvitations(eventId, page, pageSize), [eventId]);

  return (
    <section aria-labelledby="invitations-title" className="console-workspace registrations-page">
      <Typography.Title level={2} id="invitations-title">
        {t('invitations.title')}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to="..">{t('nav.list')}</Link> · <Link to="../guest-list">{t('nav.guestList')}</Link>
      </Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setInviting(true)} data-testid="invite-open">
          {t('invitations.invite')}
        </Button>
        {timeZone && <TimeZoneNote timeZone={timeZone} />}
      </Space>
      {created && (
        <Alert
          type="success"
          data-testid="invitation-created"
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setCreated(undefined) }}
          title={t('invitations.created', { email: created.email })}
          description={
            <>
              {t('invitations.token')} <Typography.Text code copyable>{created.token}</Typography.Text>
            </>
          }
        />
      )}
      {list.error && <ApiErrorAlert envelope={list.error} />}
      {!list.error && (
        <Table<Invitation>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={list.pagination}
          locale={{ emptyText: t('invitations.empty') }}
          columns={[
            { key: 'name', title: t('columns.name'), render: (_, row) => <span data-testid="invitation-name">{row.nameNative}</span> },
            { key: 'latin', title: t('columns.latin'), dataIndex: 'nameLatin' },
            { key: 'email', title: t('invitations.email'), dataIndex: 'email' },
            { key: 'country', title: t('columns.country'), dataIndex: 'country' },
            { key: 'category', title: t('columns.category'), render: (_, row) => t(`category.${row.category}`) },
            { key: 'delegation', title: t('invitations.delegation'), render: (_, row) => row.delegation ?? '—' },
            {
              key: 'state',
              title: t('invitations.state'),
              render: (_, row) => (
                <Tag color={STATE_COLOURS[row.state]} data-testid="invitation-state">
                  {t(`invitations.states.${row.state}`)}
                </Tag>
              ),
            },
            { key: 'expires', title: t('invitations.expires'), render: (_, row) => (timeZone ? <EventTime at={row.expiresAt} timeZone={timeZone} compact /> : null) },
            {
              key: 'registration',
              title: t('invitations.registration'),
              render: (_, row) => (row.registrationId ? <Link to={`../${row.registrationId}`}>{t('invitations.open')}</Link> : '—'),
            },
          ]}
        />
      )}
      <InviteGuestDialog
        eventId={eventId}
        open={inviting}
        onClose={() => setInviting(false)}
        onInvited={(invitation) => {
          setInviting(false);
          setCreated(invitation);
          list.reload();
        }}
      />
    </section>
  );
}
