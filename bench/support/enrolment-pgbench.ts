import type pg from 'pg';
import { pgbench } from './pgbench.js';

/**
 * The enrolment's decision as EnrolmentsService.enrol takes it (libs/registration/src/enrolments), statement for
 * statement: lock the delegate's registration, lock the session row (and share the room's), serve the waiting list
 * first, count the seats, then the conditional update and the insert, enrolled or waitlisted. What the product
 * does around it is left out: the HTTP request, the token and session check, the audit and outbox rows, reading
 * the enrolment back. Each pgbench transaction claims the next delegate of bench_claimant.
 */
const SCRIPT = `
SELECT registration_id AS reg_id, user_id AS reg_user FROM bench_claimant WHERE n = (SELECT nextval('bench_claimant_seq')) \\gset
BEGIN;
SELECT event_id AS reg_event, status AS reg_status FROM registration
 WHERE id = :reg_id AND user_id = :reg_user AND anonymised_at IS NULL FOR NO KEY UPDATE \\gset
SELECT status AS s_status, visibility AS s_visibility, room_id AS s_room FROM session WHERE id = :sid AND event_id = :reg_event FOR UPDATE \\gset
SELECT 1 FROM room WHERE id = :s_room FOR SHARE;
SELECT promote_waitlisted(:sid);
SELECT (s.seats_taken < coalesce(s.capacity, r.capacity))::int AS seat FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = :sid \\gset
\\if :seat
UPDATE session SET seats_taken = seats_taken + 1 WHERE id = :sid;
INSERT INTO enrolment (session_id, registration_id, status) VALUES (:sid, :reg_id, 'enrolled');
\\else
INSERT INTO enrolment (session_id, registration_id, status) VALUES (:sid, :reg_id, 'waitlisted');
\\endif
END;
`;

/**
 * pgbench storms `sessionId` with one claim per registration given, `clients` at a time (the api's pool size,
 * so the database sees the same concurrency as from the api). Returns pgbench's transactions per second.
 */
export async function pgbenchEnrolmentStorm(
  pool: pg.Pool,
  databaseUrl: string,
  options: { sessionId: string; registrationIds: string[]; clients: number },
): Promise<{ tps: number; transactions: number; output: string }> {
  if (options.registrationIds.length % options.clients !== 0) throw new Error('the claims must divide evenly among the clients');
  await pool.query(`CREATE TABLE bench_claimant (n bigint PRIMARY KEY, registration_id uuid NOT NULL, user_id uuid NOT NULL)`);
  await pool.query(`CREATE SEQUENCE bench_claimant_seq`);
  await pool.query(
    `INSERT INTO bench_claimant (n, registration_id, user_id)
     SELECT c.n, r.id, r.user_id FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n) JOIN registration r ON r.id = c.id`,
    [options.registrationIds],
  );
  return pgbench({
    databaseUrl,
    script: SCRIPT,
    clients: options.clients,
    transactionsPerClient: options.registrationIds.length / options.clients,
    variables: { sid: options.sessionId },
  });
}
