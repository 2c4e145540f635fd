import type { EntityManager } from 'typeorm';
import { constraintOf } from '#core/errors/database-error-map.js';
import { AppError, ConflictError } from '#core/errors/app-error.js';
import { sessionChangeExplainer } from '#core/errors/session-change-explainers.js';

interface Collision {
  id: string;
  title: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
}

function conflict(code: string, message: string, collision: Collision | undefined, extra: Record<string, unknown>): ConflictError {
  return new ConflictError(code, message, {
    ...extra,
    conflictingSession: collision
      ? { id: collision.id, title: collision.title, startsAt: collision.starts_at.toISOString(), endsAt: collision.ends_at.toISOString() }
      : undefined,
  });
}

/**
 * PostgreSQL's exclusion constraints say *that* a rule was broken; an organiser
 * needs to know *with what*. After the failed transaction, this finds the
 * scheduled session the change collided with and names it in the 409.
 */
export async function explainScheduleConflict(
  manager: EntityManager,
  error: unknown,
  attempt: { sessionId?: string; roomId?: string | null; startsAt?: Date; endsAt?: Date; personId?: string },
): Promise<never> {
  const constraint = constraintOf(error);
  if (constraint === 'session_room_no_overlap' && attempt.roomId && attempt.startsAt && attempt.endsAt) {
    const [collision] = (await manager.query(
      `SELECT id, title, starts_at, ends_at FROM session
        WHERE room_id = $1 AND status = 'scheduled' AND during && tstzrange($2, $3, '[)') AND id IS DISTINCT FROM $4
        ORDER BY starts_at LIMIT 1`,
      [attempt.roomId, attempt.startsAt, attempt.endsAt, attempt.sessionId ?? null],
    )) as Collision[];
    throw conflict('ROOM_CONFLICT', 'Another scheduled session uses this room at that time', collision, { roomId: attempt.roomId });
  }
  if (constraint === 'session_role_person_no_overlap' && attempt.sessionId) {
    const [collision] = (
      attempt.personId
        ? // A person was being added: find their other scheduled session at that time.
          await manager.query(
            `SELECT other.id, other.title, other.starts_at, other.ends_at, theirs.person_id
               FROM session_role theirs JOIN session other ON other.id = theirs.session_id
              WHERE theirs.person_id = $1 AND theirs.needs_presence AND theirs.session_scheduled AND other.id <> $2
                AND other.during && (SELECT during FROM session WHERE id = $2)
              ORDER BY other.starts_at LIMIT 1`,
            [attempt.personId, attempt.sessionId],
          )
        : // The session moved (or was scheduled) and took its people with it: find the first clash.
          await manager.query(
            `SELECT other.id, other.title, other.starts_at, other.ends_at, mine.person_id
               FROM session_role mine
               JOIN session me ON me.id = mine.session_id
               JOIN session_role theirs ON theirs.person_id = mine.person_id AND theirs.session_id <> mine.session_id
                                        AND theirs.needs_presence AND theirs.session_scheduled
               JOIN session other ON other.id = theirs.session_id
              WHERE mine.session_id = $1 AND mine.needs_presence
                AND tstzrange(coalesce($2, me.starts_at), coalesce($3, me.ends_at), '[)') && other.during
              ORDER BY other.starts_at LIMIT 1`,
            [attempt.sessionId, attempt.startsAt ?? null, attempt.endsAt ?? null],
          )
    ) as (Collision & { person_id: string })[];
    throw conflict('PERSON_CONFLICT', 'A person is expected in another session at that time', collision, {
      personId: collision?.person_id ?? attempt.personId,
    });
  }
  // A rule of another domain that the session took its records into (a move onto a delegate's other seat).
  const explain = sessionChangeExplainer(constraint);
  if (explain && attempt.sessionId) {
    throw await explain(manager, { sessionId: attempt.sessionId, startsAt: attempt.startsAt, endsAt: attempt.endsAt });
  }
  throw error;
}

export function assertTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new AppError(422, 'SESSION_ENDS_BEFORE_START', 'A session must end after it starts', { startsAt, endsAt });
  }
}

/**
 * Queues the writers that could engage the same people at once. The exclusion constraint
 * holds the rule either way, but racing inserters each see the others' uncommitted rows
 * and deadlock again and again; one lock per person, taken in a fixed order, lets the
 * first commit and the rest meet its row as a plain PERSON_CONFLICT.
 */
export async function lockPeopleEngagements(manager: EntityManager, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtext('person-engagement'), hashtext(id::text)) FROM unnest($1::uuid[]) id ORDER BY id`,
    [[...new Set(personIds)]],
  );
}
