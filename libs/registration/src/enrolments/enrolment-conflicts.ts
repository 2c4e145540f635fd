import { ConflictError } from '#core/errors/app-error.js';
import type { SessionChangeExplainer } from '#core/errors/session-change-explainers.js';
import type { Trilingual } from '#core/i18n/trilingual.js';
import type { SessionRepository } from '#programme/index.js';

/** How many of the delegates in the way a refusal names; the count says how many there are in all. */
const NAMED_DELEGATES = 5;

interface ClashRow {
  registration_id: string;
  registration_created_at: Date;
  name_native: string | null;
  name_latin: string | null;
  claim: 'enrolled' | 'waitlisted';
  other_id: string;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A session moved onto a time at which some of its delegates hold (or wait for) a seat elsewhere breaks
 * enrolment_no_overlap. The organiser moving it is told who is in the way and where else they are expected, so
 * they can move the session elsewhere or talk to those delegates; the database only said which constraint.
 * Read after the failed transaction, at the attempted times; the sessions' times and titles come from programme.
 * Registered by EnrolmentsService (it holds the SessionRepository this needs).
 */
export const explainDelegateTimeConflict = (programme: SessionRepository): SessionChangeExplainer => async (manager, attempt) => {
  const me = (await programme.timesOf([attempt.sessionId], manager)).get(attempt.sessionId);
  const clashes = me
    ? ((await manager.query(
        `SELECT r.id AS registration_id, r.created_at AS registration_created_at, r.name_native, r.name_latin, mine.status AS claim,
                theirs.session_id AS other_id
           FROM enrolment mine
           JOIN enrolment theirs ON theirs.registration_id = mine.registration_id AND theirs.session_id <> mine.session_id AND theirs.status <> 'cancelled'
           JOIN registration r ON r.id = mine.registration_id
          WHERE mine.session_id = $1 AND mine.status <> 'cancelled'
            AND theirs.session_during && tstzrange($2::timestamptz, $3::timestamptz, '[)')`,
        [attempt.sessionId, attempt.startsAt ?? me.starts_at, attempt.endsAt ?? me.ends_at],
      )) as ClashRow[])
    : [];
  const others = await programme.timesOf(clashes.map((clash) => clash.other_id), manager);
  // The order the single query had: by the delegate's registration, then the other session's start.
  const rows = clashes
    .map((clash) => {
      const other = others.get(clash.other_id)!;
      return { ...clash, other_title: other.title, other_starts_at: other.starts_at, other_ends_at: other.ends_at };
    })
    .sort(
      (a, b) =>
        a.registration_created_at.getTime() - b.registration_created_at.getTime() ||
        byId(a.registration_id, b.registration_id) ||
        a.other_starts_at.getTime() - b.other_starts_at.getTime() ||
        byId(a.other_id, b.other_id),
    );
  const delegates = new Map<string, { registrationId: string; nameNative: string | null; nameLatin: string | null; claim: string; conflictingSessionIds: string[] }>();
  const sessions = new Map<string, { id: string; title: Trilingual; startsAt: string; endsAt: string }>();
  for (const row of rows) {
    const delegate = delegates.get(row.registration_id) ?? {
      registrationId: row.registration_id,
      nameNative: row.name_native,
      nameLatin: row.name_latin,
      claim: row.claim === 'enrolled' ? 'seat' : 'waiting',
      conflictingSessionIds: [],
    };
    delegate.conflictingSessionIds.push(row.other_id);
    delegates.set(row.registration_id, delegate);
    sessions.set(row.other_id, { id: row.other_id, title: row.other_title, startsAt: row.other_starts_at.toISOString(), endsAt: row.other_ends_at.toISOString() });
  }
  const count = delegates.size;
  // None found: the other seat was given up meanwhile; the change may be tried again.
  const message =
    count === 0
      ? 'A delegate would hold seats in two sessions at the same time'
      : count === 1
        ? 'A delegate of this session holds or waits for a seat in another session at the new time'
        : `${count} delegates of this session hold or wait for seats in other sessions at the new time`;
  return new ConflictError('DELEGATE_TIME_CONFLICT', message, {
    sessionId: attempt.sessionId,
    delegateCount: count,
    delegates: [...delegates.values()].slice(0, NAMED_DELEGATES),
    conflictingSessions: [...sessions.values()],
  });
};
