import './users.css';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { useSignedInUser } from '../auth/useSession';
import { UserList } from './UserList';

/**
 * /users: the accounts of the back office (admins only). Every workspace is routed for every role, so one typed
 * by hand by an organiser answers with the forbidden page here rather than a list the api would refuse anyway.
 */
export default function UsersWorkspace() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  if (user?.role !== 'admin') {
    return <Result status="403" title="403" subTitle={<span data-testid="forbidden" style={{ color: 'rgba(0, 0, 0, 0.75)' }}>{t('state.forbidden')}</span>} />;
  }
  return (
    <Routes>
      <Route index element={<UserList />} />
    </Routes>
  );
}
