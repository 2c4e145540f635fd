import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSignedInUser } from './useSession';

/** Pages behind it need a signed-in person; anyone else goes to the sign-in page and comes back after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const user = useSignedInUser();
  const location = useLocation();
  if (!user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children;
}
