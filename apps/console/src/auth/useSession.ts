import { useSyncExternalStore } from 'react';
import { session, type SignedInUser } from './session';

/** The signed-in person (undefined when signed out); re-renders on sign-in, refresh and sign-out. */
export function useSignedInUser(): SignedInUser | undefined {
  return useSyncExternalStore(session.subscribe, session.user);
}
