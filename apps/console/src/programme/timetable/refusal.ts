import type { ErrorEnvelope } from '../../api/client';
import type { Trilingual } from '../../shared/trilingual';

/** What the api names in a ROOM_CONFLICT / PERSON_CONFLICT: the scheduled session the change collided with. */
export interface CollidingSession {
  id: string;
  title: Trilingual;
  startsAt: string;
  endsAt: string;
}

export function collidingSession(envelope: ErrorEnvelope): CollidingSession | undefined {
  const details = envelope.details as { conflictingSession?: CollidingSession } | undefined;
  const session = details && typeof details === 'object' ? details.conflictingSession : undefined;
  return session?.id && session.title ? session : undefined;
}
