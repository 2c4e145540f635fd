import { Navigate } from 'react-router';
import { useSignedInUser } from '../auth/useSession';
import { workspacesFor } from './workspaces';
import { NotFound } from './NotFound';

/** The first screen is the first workspace the person's role has. */
export function HomeRedirect() {
  const user = useSignedInUser();
  const first = workspacesFor(user?.role).find((workspace) => !workspace.perEdition);
  return first ? <Navigate to={`/${first.key}`} replace /> : <NotFound forbidden />;
}
