import { mintAccounts } from '#testing/accounts.js';
import { DELEGATE_DETAILS as details } from '#testing/delegate-details.js';
import { TestStack } from '#testing/test-stack.js';
import { createBenchEvent } from './support/bench-event.js';
import { cannon, statusSummary } from './support/cannon.js';
import { spawnMeasuredApi } from './support/measured-api.js';
import { rawInsertRegistrations, registrationRows } from './support/raw-registration-inserts.js';
import { type BenchRow, count } from './support/report.js';

const CONNECTIONS = 20;
const SECONDS = 10;
/** More accounts than the api can register in SECONDS on this machine, so none registers twice. */
const ACCOUNTS = 40_000;
/** The api's database pool (libs/core/src/database/database.module.ts): the baseline gets as many connections. */
const API_POOL = 10;


/**
 * Logged-in delegates register for a published, open event at once: POST /api/me/registrations from 20
 * connections for 10 s, each request another account's (created beforehand with its token). Baseline: raw `pg`
 * inserting the same rows into `registration` at the same concurrency.
 */
export async function registrationBurst(): Promise<BenchRow> {
  const stack = await TestStack.create({ backend: 'redis', migrate: true, env: { LOG_LEVEL: 'warn' } });
  try {
    await stack.startApi();
    const token = await stack.loginAsAdmin();
    const event = await createBenchEvent(stack, token, { openForRegistration: true });
    const other = await createBenchEvent(stack, token, { openForRegistration: true });
    const accounts = await mintAccounts(stack, ACCOUNTS);
    const api = await spawnMeasuredApi(stack);
    const { http } = api;

    const body = JSON.stringify({ eventId: event.id, ...details });
    let next = 0;
    const requests = [
      {
        method: 'POST',
        path: '/api/me/registrations',
        setupRequest: (request: object) => {
          const account = accounts[next++ % accounts.length];
          return { ...request, headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' }, body };
        },
      },
    ];
    const registered = async () => (await stack.db.pool.query(`SELECT count(*)::int AS n FROM registration WHERE event_id = $1`, [event.id])).rows[0].n as number;
    await cannon({ url: http.baseUrl, connections: CONNECTIONS, duration: 2, requests });
    const before = await registered();
    const cpuBefore = api.cpuSeconds();
    const product = await cannon({ url: http.baseUrl, connections: CONNECTIONS, duration: SECONDS, requests });
    const cpuMs = ((api.cpuSeconds() - cpuBefore) * 1000) / product.answered;
    const apiPeakMiB = api.peakMiB();
    await api.stop();
    if (next > accounts.length) throw new Error(`ran out of accounts: ${next} requests for ${accounts.length}`);
    const written = (await registered()) - before;

    // The same rows for the other event, by the same users (one registration per event and user).
    const baseline = await rawInsertRegistrations(stack.db.url, {
      templates: await registrationRows(stack.db.pool, event.id),
      eventId: other.id,
      userIds: accounts.map((a) => a.userId),
      concurrency: CONNECTIONS,
      poolSize: API_POOL,
      seconds: SECONDS / 2,
    });

    const created = product.statuses[201] ?? 0;
    const perSecond = created / product.seconds;
    const ratio = perSecond / baseline.perSecond;
    return {
      scenario: `registration burst: logged-in delegates register (${CONNECTIONS} connections, ${SECONDS} s)`,
      backend: 'redis',
      figure: `${count(perSecond)} registrations/s, p99 ${product.p99} ms, ${product.answered - created} errors (${product.serverErrors} 5xx); ${count(written)} rows`,
      baseline: `raw pg INSERT ${count(baseline.perSecond)} rows/s (pool of ${API_POOL})`,
      ratio,
      target: '≥ 0.5×, no 5xx',
      pass: ratio >= 0.5 && product.serverErrors === 0 && created === written,
      apiPeakMiB,
      notes: `api CPU ${cpuMs.toFixed(2)} ms/request${created === product.answered ? '' : `; ${statusSummary(product.statuses)}`}`,
      whyMissed: WHY,
    };
  } finally {
    await stack.close();
  }
}

/** Found with BENCH_CPU_PROF on the api and pg_stat_activity sampled every 100 ms during a run. */
const WHY =
  'the registration is now one statement (the event\'s checks, the row, its audit entry and its outbox row as CTEs, a named prepared ' +
  'statement; about 10 round trips before), and the api answers 1,200–1,300 registrations/s at 0.7 ms of api CPU each, 8× what it ' +
  'did; the raw-pg baseline rose to 6,000+ rows/s on the quiet machine as well. The rest is the work the baseline does not do: three ' +
  'rows written per registration (with the registration\'s indexes and unique keys) against one, the access token\'s session check (a ' +
  'second query), validating the DTO (class-validator, the largest remaining share of the api\'s profile), encrypting the visa fields, ' +
  'and the request\'s log line; the api, PostgreSQL and autocannon share the two cores. What would close it: more api processes on ' +
  'more cores (the api is stateless; PostgreSQL was not the limit), or a baseline that writes the same three rows.';
