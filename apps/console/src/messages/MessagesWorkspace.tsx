import '../registrations/workspace.css';
import { Button, Menu, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { useSignedInUser } from '../auth/useSession';
import { AuditLog } from './AuditLog';
import { NotificationList } from './NotificationList';

/** The queue dashboard (bull-board), served by the api for admins at this path. */
const QUEUE_BOARD = '/admin/queues';

/**
 * /messages: the notifications sent (organisers and admins), and for admins the audit log and the queue dashboard.
 * An organiser who opens /messages/audit directly gets the forbidden page (the api refuses them the log too).
 */
export default function MessagesWorkspace() {
  const { t } = useTranslation('messages');
  const user = useSignedInUser()!;
  const { pathname } = useLocation();
  const isAdmin = user.role === 'admin';
  const tab = pathname.endsWith('/audit') ? 'audit' : 'notifications';
  const tabs = [{ key: 'notifications', label: t('tabs.notifications') }, ...(isAdmin ? [{ key: 'audit', label: t('tabs.audit') }] : [])];
  return (
    <>
      {/* The sections as links (not tabs): each has its own address, so a direct URL opens it. */}
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <nav aria-label={t('sections')}>
          <Menu
            mode="horizontal"
            selectedKeys={[tab]}
            style={{ minWidth: 320 }}
            items={tabs.map((entry) => ({ key: entry.key, label: <Link to={entry.key === 'audit' ? '/messages/audit' : '/messages'}>{entry.label}</Link> }))}
            data-testid="messages-sections"
          />
        </nav>
        {isAdmin && (
          <Button href={QUEUE_BOARD} target="_blank" rel="noreferrer" data-testid="queue-board">
            {t('queueBoard')}
          </Button>
        )}
      </Space>
      <Routes>
        <Route index element={<NotificationList />} />
        <Route path="audit" element={isAdmin ? <AuditLog /> : <Forbidden />} />
      </Routes>
    </>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={<span data-testid="forbidden" style={{ color: 'rgba(0, 0, 0, 0.75)' }}>{t('state.forbidden')}</span>} />;
}
