import { ConflictError } from '#core/errors/app-error.js';
import { registerSessionChangeExplainer } from '#core/errors/session-change-explainers.js';
import type { Trilingual } from '#core/i18n/trilingual.js';

/** How many of the delegates in the way a refusal names; the count says how many there are in all. */
const NAMED_DELEGATES = 5;

interface ClashRow {
  registration_id: string;
  name_native: string | null;
  name_latin: string | null;
  claim: 'enrolled' | 'waitlisted';
  other_id: string;
  other_title: Trilingual;
  other_starts_at: Date;
  other_ends_at: Date;
}

/**
 * A session moved onto a time at which some of its delegates hold (or wait for) a seat elsewhere breaks
 * enrolment_no_overlap. The organiser moving it is told who is in the way and where else they are expected, so
 * they can move the session elsewhere or talk to those delegates; the database only said which constraint.
 * Read after the failed transaction, at the attempted times.
 */
registerSessionChangeExplainer('enrolment_no_overlap', async (manager, attempt) => {
  const rows = (await manager.query(
    `SELECT r.id AS registration_id, r.name_native, r.name_latin, mine.status AS claim,
            other.id AS other_id, other.title AS other_title, other.starts_at AS other_starts_at, other.ends_at AS other_ends_at
       FROM session me
       JOIN enrolment mine ON mine.session_id = me.id AND mine.status <> 'cancelled'
       JOIN enrolment theirs ON theirs.registration_id = mine.registration_id AND theirs.session_id <> me.id AND theirs.status <> 'cancelled'
       JOIN session other ON other.id = theirs.session_id
       JOIN registration r ON r.id = mine.registration_id
      WHERE me.id = $1
        AND theirs.session_during && tstzrange(coalesce($2, me.starts_at), coalesce($3, me.ends_at), '[)')
      ORDER BY r.created_at, r.id, other.starts_at, other.id`,
    [attempt.sessionId, attempt.startsAt ?? null, attempt.endsAt ?? null],
  )) as ClashRow[];
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
});
