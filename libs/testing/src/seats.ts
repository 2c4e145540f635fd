import type { TestStack } from './test-stack.js';

/**
 * Seats registrations in a session directly, for the fan-out tests and benchmarks: thousands of enrolments
 * through HTTP would test nothing new, and the messages a release sends follow these rows.
 */
export async function seatInSession(stack: TestStack, sessionId: string, registrationIds: string[]): Promise<void> {
  await stack.db.pool.query(
    `INSERT INTO enrolment (session_id, registration_id, status, session_during)
     SELECT s.id, r, 'enrolled', s.during FROM session s, unnest($2::uuid[]) r WHERE s.id = $1`,
    [sessionId, registrationIds],
  );
}
