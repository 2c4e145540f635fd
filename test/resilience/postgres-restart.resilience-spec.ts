import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { signUpBody } from '#testing/delegate-details.js';
import { HttpClient } from '#testing/http-client.js';
import { type OwnPostgres, startOwnPostgres } from '#testing/own-postgres.js';
import { freePort, type RunningProcess, startProcess } from '#testing/processes.js';
import { type Answer, SteadyLoad } from '#testing/steady-load.js';
import { eventually, TEST_ADMIN } from '#testing/test-stack.js';
import { buildProgramme, sessionBody, tri } from '../e2e/support/programme-fixtures.js';

const DOWN_FOR_MS = 5000;
/** The api answers every request within this, database or not (the client gives up far later). */
const MAX_LATENCY_MS = 5000;
/** Once PostgreSQL is back, writes succeed again within this, without restarting the api. */
const RECOVERY_WITHIN_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const signUp = (slug: string, n: number) => ({
  method: 'POST',
  path: `/api/public/events/${slug}/registrations`,
  body: signUpBody(`load-${n}@example.kz`),
});

/**
 * PostgreSQL stopped under a steady load of sign-ups and reads, then started again. While it is gone the api
 * answers at once with 503 DATABASE_UNAVAILABLE (and readiness says not ready); when it is back the api
 * recovers by itself; and every sign-up it acknowledged is in the database, whole.
 */
describe('PostgreSQL restarted under load', () => {
  let postgres: OwnPostgres;
  let dataDir: string;
  let api: RunningProcess;
  let http: HttpClient;
  let db: pg.Pool;

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'bo-pg-restart-'));
    const port = await freePort();
    // No REDIS_URL: the queue is BullMQ's PostgreSQL backend on the same database, so it goes away too.
    const env = {
      DATABASE_URL: postgres.url,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    // Migrations and the first admin, as `npm run migrate` does before a deploy.
    const migrate = startProcess('dist/apps/launcher/src/migrate.main.js', env);
    const migrated = await migrate.exited;
    if (migrated.code !== 0) throw new Error(`migrate failed: ${migrate.output()}\n${migrate.errors()}`);
    api = startProcess('dist/apps/api/src/main.js', env);
    await api.waitFor('api listening');
    http = new HttpClient(`http://127.0.0.1:${port}`);
    db = new pg.Pool({ connectionString: postgres.url, max: 2 });
    // This pool's idle connections die with the server on purpose.
    db.on('error', () => undefined);
  }, 120_000);

  afterAll(async () => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    await db?.end();
    await postgres?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 at once while it is gone, recovers by itself, and loses no acknowledged write', async () => {
    const organiser = await http.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const p = await buildProgramme(http, organiser);
    expect((await http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.hall }), { token: organiser })).status).toBe(201);
    expect((await http.post(`/api/events/${p.eventId}/releases`, { name: tri('First') }, { token: organiser })).status).toBe(201);
    expect((await http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'open' }, { token: organiser })).status).toBe(200);

    const load = new SteadyLoad(http.baseUrl)
      .add('sign-up', 3, (n) => signUp(p.slug, n), 20)
      .add('programme', 1, () => ({ method: 'GET', path: `/api/public/events/${p.slug}/programme?lang=ru` }), 50)
      .add('ready', 1, () => ({ method: 'GET', path: '/health/ready' }), 200);
    let stoppedAt = 0;
    let startedAgainAt = 0;
    try {
      await sleep(3000);
      await postgres.stop();
      stoppedAt = Date.now();
      await sleep(DOWN_FOR_MS);
      await postgres.start();
      startedAgainAt = Date.now();
      // Recovered: a sign-up sent after the restart is acknowledged.
      await eventually(async () => load.answers.some((a) => a.kind === 'sign-up' && a.status === 201 && a.startedAt > startedAgainAt), RECOVERY_WITHIN_MS, 'a sign-up acknowledged after the restart');
      await sleep(3000);
    } finally {
      await load.stop();
    }
    // The same api process throughout: it was never restarted.
    expect(api.child.exitCode).toBeNull();

    const { answers } = load;
    const byKind = (kind: string) => answers.filter((a) => a.kind === kind);
    const unexpected = answers.filter((a) => ![200, 201, 503].includes(a.status));
    expect(unexpected.map(describeAnswer)).toEqual([]);
    // Every refusal says why, in the envelope, and when to come back.
    const refused = answers.filter((a) => a.status === 503 && a.kind !== 'ready');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.filter((a) => a.code !== 'DATABASE_UNAVAILABLE' || !a.retryAfter).map(describeAnswer)).toEqual([]);
    // Bounded latency: nothing waits for a connection that cannot come.
    const slowest = Math.max(...answers.map((a) => a.endedAt - a.startedAt));
    expect(slowest).toBeLessThan(MAX_LATENCY_MS);
    // Readiness: not ready while the database is gone, ready again after.
    const down = (a: Answer) => a.startedAt >= stoppedAt && a.endedAt <= startedAgainAt;
    const readyDuring = byKind('ready').filter(down);
    expect(readyDuring.length).toBeGreaterThan(0);
    expect(readyDuring.every((a) => a.status === 503 && (a.body as { checks: { database: { status: string } } }).checks.database.status === 'down')).toBe(true);
    expect(byKind('ready').at(-1)?.status).toBe(200);
    // Writes: refused while it is gone, accepted again after, each within the limits.
    expect(byKind('sign-up').filter(down).every((a) => a.status === 503)).toBe(true);
    const firstAfter = byKind('sign-up').find((a) => a.status === 201 && a.startedAt > startedAgainAt)!;
    const recoveredInMs = firstAfter.endedAt - startedAgainAt;
    // And for good: no pooled connection from before the restart is handed out to fail a later request.
    expect(answers.filter((a) => a.startedAt > firstAfter.endedAt && a.status !== 200 && a.status !== 201).map(describeAnswer)).toEqual([]);
    expect(byKind('sign-up').filter((a) => a.startedAt > firstAfter.endedAt).length).toBeGreaterThan(10);

    // Every acknowledged sign-up is in the database, with its account, its audit entry and its outbox row.
    const acknowledged = byKind('sign-up').filter((a) => a.status === 201);
    const { rows } = await db.query(
      `SELECT r.id::text AS id, u.email,
              EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'registration' AND l.entity_id = r.id::text) AS audited,
              EXISTS (SELECT 1 FROM outbox o WHERE o.name = 'registration-changed' AND o.payload->>'registrationId' = r.id::text) AS announced
         FROM registration r JOIN app_user u ON u.id = r.user_id WHERE u.email LIKE 'load-%'`,
    );
    const stored = new Map(rows.map((r) => [r.id as string, r]));
    const missing = acknowledged.filter((a) => stored.get((a.body as { id: string }).id)?.email !== (a.request.body as { email: string }).email);
    expect(missing.map(describeAnswer)).toEqual([]);
    // No half-written sign-up: no account without its registration, no registration without audit or outbox row.
    expect(rows.filter((r) => !r.audited || !r.announced)).toEqual([]);
    const { rows: orphans } = await db.query(
      `SELECT u.email FROM app_user u WHERE u.email LIKE 'load-%' AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.user_id = u.id)`,
    );
    expect(orphans).toEqual([]);
    // A refused sign-up may still have committed (the answer lost with the connection): then it is whole, as above.
    const committedUnacknowledged = rows.length - acknowledged.length;
    expect(committedUnacknowledged).toBeGreaterThanOrEqual(0);

    process.stdout.write(
      `postgres-restart: ${answers.length} requests, ${acknowledged.length} sign-ups acknowledged and stored, ` +
        `${refused.length} answered 503 (${byKind('sign-up').filter((a) => a.status === 503).length} sign-ups, ` +
        `${byKind('programme').filter((a) => a.status === 503).length} programme reads; ${byKind('programme').filter(down).filter((a) => a.status === 200).length} served while down), ` +
        `${committedUnacknowledged} committed without acknowledgement, slowest answer ${slowest} ms, ` +
        `down ${startedAgainAt - stoppedAt} ms, first write acknowledged ${recoveredInMs} ms after the restart\n`,
    );
  }, 120_000);
});

function describeAnswer(a: Answer): string {
  return `${a.request.method} ${a.request.path} → ${a.status} ${a.code ?? ''} in ${a.endedAt - a.startedAt} ms`;
}
