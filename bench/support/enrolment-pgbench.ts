import type pg from 'pg';
import { pgbench } from './pgbench.js';

/**
 * The claim exactly as EnrolmentsService.enrol makes it: one call of claim_seat() (migrations/…-ClaimSeatFunction.ts),
 * which locks the delegate's registration and the session (and shares the room), serves the waiting list first,
 * decides, and writes the enrolment with its audit and outbox rows. What the product does around it is left out:
 * the HTTP request, the token and its session check, validation, the answer. Each pgbench transaction claims the
 * next delegate of bench_claimant.
 */
const SCRIPT = `
SELECT registration_id AS reg_id, user_id AS reg_user FROM bench_claimant WHERE n = (SELECT nextval('bench_claimant_seq')) \\gset
SELECT refusal FROM claim_seat(:reg_id, :reg_user, :sid, 'delegate', NULL);
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
