import { mintDelegates } from '#testing/delegates.js';
import { TestStack } from '#testing/test-stack.js';
import { createBenchEvent } from './support/bench-event.js';
import { statusSummary } from './support/cannon.js';
import { pgbenchEnrolmentStorm } from './support/enrolment-pgbench.js';
import { spawnMeasuredApi } from './support/measured-api.js';
import { type BenchRow, count } from './support/report.js';
import { Shooter } from './support/shooter.js';

const CLAIMS = 2000;
const SEATS = 100;
/** The api's database pool (libs/core/src/database/database.module.ts): pgbench gets as many clients. */
const API_POOL = 10;
/** The storm's answers are waited for this long at most; what is still unanswered is abandoned (and reported). */
const GRACE = 30;

/**
 * 2,000 delegates ask for a seat in a session of 100 at the same instant: every request is in flight at once, on
 * connections opened beforehand. Checked in the database: exactly 100 enrolled, the rest waitlisted. Baseline:
 * pgbench making the same claim_seat() call (the conditional-update transaction) for another session of 100 seats, same database.
 */
export async function enrolmentStorm(): Promise<BenchRow> {
  const stack = await TestStack.create({ backend: 'redis', migrate: true, env: { LOG_LEVEL: 'warn' } });
  try {
    await stack.startApi();
    const token = await stack.loginAsAdmin();
    // Two sessions an hour apart: the same delegates storm the first through the api, the second through pgbench.
    const event = await createBenchEvent(stack, token, { sessions: 2, capacity: SEATS });
    const [stormed, benched] = event.sessionIds;
    const delegates = await mintDelegates(stack, event.id, CLAIMS);
    const api = await spawnMeasuredApi(stack);
    const { http } = api;

    const shooter = new Shooter(http.baseUrl, CLAIMS);
    await shooter.warm(CLAIMS);
    const cpuBefore = api.cpuSeconds();
    const storm = await shooter.burst(
      delegates.map((d) => ({
        method: 'POST',
        path: `/api/me/registrations/${d.registrationId}/enrolments`,
        headers: { authorization: `Bearer ${d.token}` },
        body: { sessionId: stormed },
      })),
      GRACE,
    );
    shooter.close();
    const cpuMs = ((api.cpuSeconds() - cpuBefore) * 1000) / storm.answered;
    const apiPeakMiB = api.peakMiB();
    await api.stop();
    const seats = await seatsOf(stack, stormed);

    const baseline = await pgbenchEnrolmentStorm(stack.db.pool, stack.db.url, {
      sessionId: benched,
      registrationIds: delegates.map((d) => d.registrationId),
      clients: API_POOL,
    });
    process.stderr.write(`  pgbench per statement (ms):\n${baseline.output.slice(baseline.output.indexOf('statement latencies'))}`);
    const baselineSeats = await seatsOf(stack, benched);
    if (baselineSeats.enrolled !== SEATS || baselineSeats.waitlisted !== CLAIMS - SEATS) throw new Error(`pgbench seated ${JSON.stringify(baselineSeats)}`);

    const perSecond = storm.answered / storm.seconds;
    const ratio = perSecond / baseline.tps;
    const exact = seats.enrolled === SEATS && seats.counter === SEATS && seats.waitlisted === CLAIMS - SEATS;
    return {
      scenario: `enrolment storm: ${count(CLAIMS)} concurrent claims for ${SEATS} seats`,
      backend: 'redis',
      figure: `${seats.enrolled} seats taken (counter ${seats.counter}), ${count(seats.waitlisted)} waitlisted; ${count(perSecond)} req/s (${storm.seconds.toFixed(1)} s, p50 ${storm.p50.toFixed(0)} ms, p99 ${storm.p99.toFixed(0)} ms)`,
      baseline: `pgbench, the same claim_seat() call: ${count(baseline.tps)} tps (${API_POOL} clients)`,
      ratio,
      target: '≥ 0.5×, exactly 100',
      pass: ratio >= 0.5 && exact && storm.errors === 0 && storm.late === 0,
      apiPeakMiB,
      notes: `api CPU ${cpuMs.toFixed(2)} ms/request${storm.statuses[201] === CLAIMS ? '' : `; ${statusSummary(storm.statuses)}, ${storm.errors} connection errors, ${storm.late} unanswered after ${GRACE} s`}`,
      whyMissed: WHY,
    };
  } finally {
    await stack.close();
  }
}

async function seatsOf(stack: TestStack, sessionId: string): Promise<{ enrolled: number; waitlisted: number; counter: number }> {
  const { rows } = await stack.db.pool.query(
    `SELECT count(*) FILTER (WHERE e.status = 'enrolled')::int AS enrolled, count(*) FILTER (WHERE e.status = 'waitlisted')::int AS waitlisted,
            (SELECT seats_taken FROM session WHERE id = $1) AS counter
       FROM enrolment e WHERE e.session_id = $1`,
    [sessionId],
  );
  return rows[0];
}

/** Found with pgbench --report-per-command, pg_stat_activity sampled every 100 ms, and BENCH_CPU_PROF on the api. */
const WHY =
  'seats are decided one at a time under the session row\'s lock, as they must be, so throughput is one over the time the lock is ' +
  'held. Both sides now make the same single call of claim_seat(), so the lock is held for that statement only; what the api adds per ' +
  'claim is the HTTP request, the access token and its session check (one more query), validating the body and writing the answer, ' +
  'about 1 ms of api CPU on the two cores PostgreSQL and the load generator use too. Before this change the api held the lock across ' +
  '9 round trips through its busy event loop (pg_stat_activity: the holder \'idle in transaction\' while 320 of 465 samples waited on ' +
  'the lock) and ran at 0.25× of pgbench running those statements. What would close the rest: the api on cores of its own, or the ' +
  'session check cached for a second.';
