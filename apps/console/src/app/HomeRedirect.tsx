import { Navigate } from 'react-router';
import { useSignedInUser } from '../auth/useSession';
import { useCurrentEditionId } from './currentEdition';
import { EditionPicker } from './EditionPicker';
import { workspacesFor } from './workspaces';
import { NotFound } from './NotFound';

/**
 * The first screen is the first workspace the person's role has. A role with only per-edition workspaces (staff)
 * goes to it in the edition last worked on, or first chooses the edition.
 */
export function HomeRedirect() {
  const user = useSignedInUser();
  const editionId = useCurrentEditionId();
  const workspaces = workspacesFor(user?.role);
  const first = workspaces.find((workspace) => !workspace.perEdition);
  if (first) return <Navigate to={`/${first.key}`} replace />;
  const perEdition = workspaces[0];
  if (!perEdition) return <NotFound forbidden />;
  return editionId ? <Navigate to={`/editions/${editionId}/${perEdition.key}`} replace /> : <EditionPicker workspace={perEdition.key} />;
}
