import { signUpBody } from '#testing/delegate-details.js';
import { type OwnRedis, startOwnRedis } from '#testing/own-redis.js';
import { type SmtpSink, startSmtpSink } from '#testing/smtp-sink.js';
import { eventually, TestStack } from '#testing/test-stack.js';
import { crowdedSession } from './support/crowded-session.js';

const DELEGATES = 2000;
const STOP_AFTER = 500;
const RECOVERY_SECONDS = 8;

/** A sign-up as a delegate would send it: its transaction writes an outbox row (registration-changed). */
const signUpWhileDown = (n: number) => signUpBody(`while-redis-down-${n}-${Date.now()}@example.kz`);

/** How many delivery jobs the worker's lost-delivery recovery says it published again (its log is JSON lines). */
function republishedIn(log: string): number {
  return log
    .split('\n')
    .filter((line) => line.includes('jobs published again'))
    .reduce((sum, line) => sum + ((JSON.parse(line) as { reopened?: number }).reopened ?? 0), 0);
}

/**
 * Redis restarted in the middle of a fan-out. Redis here keeps nothing on disk, so the restart empties it:
 * the delivery jobs already relayed from the outbox are gone with it. The product must still deliver every
 * message (the notification rows and the outbox are the truth, not the queue), and the api, which needs
 * only PostgreSQL to take a request, keeps answering while the queue is away.
 */
describe(`Redis restarted (and emptied) while ${DELEGATES} release messages go out`, () => {
  let redis: OwnRedis;
  let smtp: SmtpSink;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await startOwnRedis();
    smtp = await startSmtpSink({ parse: false });
    stack = await TestStack.create({
      backend: 'redis',
      env: {
        REDIS_URL: redis.url,
        SMTP_URL: smtp.url,
        JOB_LOCK_MS: '2000',
        LOG_LEVEL: 'warn',
        // Lost delivery jobs are looked for after this long (production default: 5 minutes). Longer than the
        // fan-out takes to reach the stop, so that the queue holds every relayed job when Redis goes.
        NOTIFICATION_RECOVERY_SECONDS: String(RECOVERY_SECONDS),
      },
    });
    await stack.startApi();
  });
  afterAll(async () => {
    // A test that failed while Redis was down: the stack's queues close cleanly only with Redis there.
    if (redis && redis.pid() === undefined) await redis.start();
    await stack?.close();
    await smtp?.close();
    await redis?.stop();
  });

  it('loses no message, and the api answers reads and writes while Redis is down', async () => {
    const organiser = await stack.loginAsAdmin();
    const { programme: p, publishMove } = await crowdedSession(stack, organiser, DELEGATES);
    expect((await stack.http.patch(`/api/events/${p.eventId}`, { status: 'published', registrationMode: 'open' }, { token: organiser })).status).toBe(200);
    expect((await publishMove()).status).toBe(201);

    const worker = stack.spawnWorker();
    await eventually(async () => smtp.messageIds.length >= STOP_AFTER, 90_000, `${STOP_AFTER} messages sent`);
    await redis.stop();
    const stoppedAt = Date.now();
    const sentBeforeStop = smtp.messageIds.length;
    const republishedBeforeStop = republishedIn(worker.output());

    // While Redis is down: the public programme is read, a delegate signs up (an outbox row, no queue),
    // and readiness says which dependency is away.
    const programme = await stack.http.get(`/api/public/events/${p.slug}/programme?lang=en`);
    expect(programme.status).toBe(200);
    const signUp = await stack.http.post(`/api/public/events/${p.slug}/registrations`, signUpWhileDown(1));
    expect(signUp.status).toBe(201);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks).toMatchObject({ database: { status: 'up' }, queue: { status: 'down' } });
    const { rows: pendingOutbox } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND payload->>'registrationId' = $1`,
      [signUp.body.id],
    );
    expect(pendingOutbox[0].n).toBe(1);

    // What the emptied queue takes with it: delivery jobs relayed (outbox row marked sent) whose message
    // is not sent yet. Read once the worker's deliveries in flight (each holds its row's lock) have ended.
    await eventually(async () => {
      const { rows } = await stack.db.pool.query(
        `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'notification' AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return rows[0].n === 0;
    }, 10_000, 'the deliveries in flight to end');
    const { rows: atRisk } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM notification n JOIN outbox o ON o.name = 'deliver-notification' AND o.payload->>'notificationId' = n.id::text
        WHERE n.status = 'queued' AND o.sent_at IS NOT NULL`,
    );
    const lostJobs = atRisk[0].n as number;
    expect(lostJobs).toBeGreaterThan(0);

    await redis.start();
    const restartedAt = Date.now();
    // The same worker process carries on: nothing restarted it.
    expect(worker.child.exitCode).toBeNull();

    // Every message: the 2,000 move notices, the first admin's welcome, and the new delegate's.
    let progress = { unsent: -1, moved: 0, newcomer: 0 };
    await eventually(
      async () => {
        const { rows } = await stack.db.pool.query(
          `SELECT count(*) FILTER (WHERE status <> 'sent')::int AS unsent,
                  count(*) FILTER (WHERE kind = 'session-moved')::int AS moved,
                  count(*) FILTER (WHERE recipient_user_id = $1)::int AS newcomer
             FROM notification`,
          [signUp.body.userId],
        );
        progress = rows[0];
        return progress.unsent === 0 && progress.moved === DELEGATES && progress.newcomer > 0;
      },
      60_000,
      'every message marked sent',
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(progress)} (${lostJobs} delivery jobs were lost with Redis)`);
    });
    const recoveredInMs = Date.now() - restartedAt;
    expect(worker.child.exitCode).toBeNull();
    worker.child.kill('SIGTERM');
    expect((await worker.exited).code).toBe(0);

    // The recovery said what it did, in counts: no address or name reaches the log.
    const republished = republishedIn(worker.output());
    expect(republished - republishedBeforeStop).toBeGreaterThanOrEqual(lostJobs);
    expect(worker.output() + worker.errors()).not.toMatch(/@example\.(org|kz)|Делегат|Айгерим/);

    const { rows: all } = await stack.db.pool.query(`SELECT id, kind, status FROM notification`);
    expect(all.every((r) => r.status === 'sent')).toBe(true);
    const expected = new Set(all.map((r) => `<${r.id}@sco-backoffice>`));
    const received = new Map<string, number>();
    for (const id of smtp.messageIds) received.set(id, (received.get(id) ?? 0) + 1);
    // Nothing lost, nothing foreign.
    expect([...received.keys()].sort()).toEqual([...expected].sort());
    // No worker died: every delivery that the server accepted was marked sent in the same transaction, and a
    // re-published job finds its message sent (or locked) and sends nothing. So no message goes out twice.
    const repeated = [...received].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
    expect(smtp.messageIds.length).toBe(all.length);

    process.stdout.write(
      `redis-restart: ${all.length} messages, ${sentBeforeStop} sent before the stop, ${lostJobs} delivery jobs lost with Redis, ` +
        `${republished} jobs published again (${republishedBeforeStop} before the stop), ${repeated.length} repeats, all sent ${recoveredInMs} ms after the restart\n`,
    );
  }, 180_000);
});
