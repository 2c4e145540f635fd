import { Button, Dropdown, Layout, Menu, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from '../auth/session';
import { useSignedInUser } from '../auth/useSession';
import { LanguageSwitch } from './LanguageSwitch';
import { useCurrentEditionId } from './currentEdition';
import { kioskLocked } from '../checkin/choice';
import { workspacesFor } from './workspaces';

const KIOSK_PATH = '/checkin/kiosk';

/** The frame of every page after sign-in: workspaces the role may use, the language switch and the account menu. */
export function Shell() {
  const { t } = useTranslation();
  const user = useSignedInUser()!;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const editionId = useCurrentEditionId();
  const workspaces = workspacesFor(user.role);
  // Before an edition is chosen, a per-edition workspace (staff's outcomes, an organiser's timetable) asks for one.
  const hrefOf = (key: string, perEdition: boolean) => (perEdition ? (editionId ? `/editions/${editionId}/${key}` : `/choose-edition/${key}`) : `/${key}`);
  // The deepest workspace whose path starts the URL is the one highlighted (a timetable lives under /editions/…).
  const selected = workspaces
    .filter((workspace) => pathname.startsWith(hrefOf(workspace.key, workspace.perEdition)))
    .sort((a, b) => Number(b.perEdition) - Number(a.perEdition))[0]?.key;

  const leave = async () => {
    await signOut();
    navigate('/sign-in?signedOut', { replace: true });
  };

  // A locked kiosk is a guest's device with a staff session behind it: every console address leads back to the
  // kiosk (typed in the address bar, or the back button), so no other page, name or search can be reached.
  if (kioskLocked() && pathname !== KIOSK_PATH) return <Navigate to={KIOSK_PATH} replace />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="shell-header">
        <Typography.Title level={1} className="shell-title">
          {t('app.name')}
        </Typography.Title>
        <span className="shell-spacer" />
        <LanguageSwitch />
        <Dropdown
          trigger={['click']}
          menu={{ items: [{ key: 'sign-out', label: t('user.signOut'), onClick: () => void leave() }] }}
        >
          <Button data-testid="user-menu">
            {user.displayName} · {t(`user.role.${user.role}`)}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light">
          <nav aria-label={t('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={workspaces.map((workspace) => ({
                key: workspace.key,
                label: <Link to={hrefOf(workspace.key, workspace.perEdition)}>{t(`nav.${workspace.key}`)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="shell-content">
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
