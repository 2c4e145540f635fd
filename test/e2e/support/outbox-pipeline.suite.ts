import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '#core/config/config.module.js';
import { DatabaseModule } from '#core/database/database.module.js';
import { OutboxRelayService, outboxJobId } from '#core/outbox/outbox-relay.service.js';
import { QueueModule } from '#core/queue/queue.module.js';
import { QueueName } from '#core/queue/queue-names.js';
import { NotificationEvents } from '#messaging/index.js';
import { REDIS_URL } from '#testing/test-env.js';
import { eventually, type QueueBackend, TestStack } from '#testing/test-stack.js';

/**
 * The outbox and job pipeline, end to end, on one queue backend. The same suite
 * runs on Redis and on PostgreSQL (outbox-redis / outbox-postgres).
 */
export function describeOutboxPipeline(backend: QueueBackend): void {
  describe(`Outbox and jobs on the ${backend} queue backend`, () => {
    let stack: TestStack;
    let adminToken: string;
    /** The relay and the queue without a worker: lets a test stop between enqueueing and marking. */
    let relayOnly: TestingModule;

    beforeAll(async () => {
      stack = await TestStack.create({ backend, env: { JOB_ATTEMPTS: '3', OUTBOX_BATCH_SIZE: '10' } });
      await stack.startApi();
      adminToken = await stack.loginAsAdmin();
      relayOnly = await Test.createTestingModule({
        imports: [ConfigModule.forRoot(stack.config), DatabaseModule.forRoot(stack.config), QueueModule.forRoot(stack.config)],
        providers: [OutboxRelayService],
      }).compile();
      await relayOnly.init();
    });

    afterAll(async () => {
      await relayOnly?.close();
      await stack?.close();
    });

    afterEach(() => stack.stopWorker());

    const relay = () => relayOnly.get(OutboxRelayService);
    const queue = () => relayOnly.get<Queue>(getQueueToken(QueueName.Notifications));
    const dataSource = () => relayOnly.get<DataSource>(getDataSourceToken());

    async function createUser(): Promise<string> {
      const email = `u-${randomUUID()}@example.org`;
      const result = await stack.http.post(
        '/api/users',
        { email, displayName: 'Алия Нурланова', role: 'delegate', preferredLanguage: 'ru', password: 'a sufficiently long one' },
        { token: adminToken },
      );
      expect(result.status).toBe(201);
      return result.body.id as string;
    }

    async function outboxRowFor(userId: string): Promise<{ id: string; job_key: string; sent_at: Date | null } | undefined> {
      const { rows } = await stack.db.pool.query(
        `SELECT id::text AS id, job_key, sent_at FROM outbox WHERE name = 'welcome-user' AND payload->>'userId' = $1`,
        [userId],
      );
      return rows[0];
    }

    async function notificationsFor(userId: string): Promise<{ id: string; language: string; status: string }[]> {
      const { rows } = await stack.db.pool.query(
        `SELECT id, language, status FROM notification WHERE kind = 'welcome' AND recipient_user_id = $1`,
        [userId],
      );
      return rows;
    }

    async function drainRelay(): Promise<number> {
      let total = 0;
      for (;;) {
        const moved = await relay().relayOnce();
        total += moved;
        if (moved === 0) return total;
      }
    }

    it(`stores its jobs in ${backend}, not elsewhere`, async () => {
      await queue().add('welcome-user', { userId: randomUUID() }, { jobId: `probe-${backend}`, delay: 3_600_000 });
      const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'bullmq'`);
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${stack.config.queuePrefix}:*`);
        if (backend === 'postgres') {
          expect(rows[0].n).toBe(1);
          expect(keys).toEqual([]);
        } else {
          expect(rows[0].n).toBe(0);
          expect(keys.length).toBeGreaterThan(0);
        }
      } finally {
        redis.disconnect();
        await (await queue().getJob(`probe-${backend}`))?.remove();
      }
    });

    it('writes the outbox row in the transaction of the change, and nothing when the change fails', async () => {
      const userId = await createUser();
      expect(await outboxRowFor(userId)).toMatchObject({ sent_at: null });

      const before = await stack.db.pool.query(`SELECT (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM audit_log) AS a`);
      const { rows: users } = await stack.db.pool.query(`SELECT email FROM app_user WHERE id = $1`, [userId]);
      const duplicate = await stack.http.post(
        '/api/users',
        { email: users[0].email, displayName: 'Again', role: 'staff', password: 'a sufficiently long one' },
        { token: adminToken },
      );
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('EMAIL_TAKEN');
      const after = await stack.db.pool.query(`SELECT (SELECT count(*) FROM outbox) AS o, (SELECT count(*) FROM audit_log) AS a`);
      expect(after.rows[0]).toEqual(before.rows[0]);
    });

    it('keeps the job while the worker is down, and delivers it once the worker starts', async () => {
      const userId = await createUser();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await outboxRowFor(userId))?.sent_at).toBeNull();
      expect(await notificationsFor(userId)).toEqual([]);

      await stack.startWorker();
      const delivered = await eventually(async () => {
        const rows = await notificationsFor(userId);
        return rows.length ? rows : undefined;
      }, 20_000, 'the welcome notification');
      expect(delivered).toEqual([expect.objectContaining({ language: 'ru' })]);
      // Recorded, then sent (the embedded default writes it under DATA_DIR/mail).
      await eventually(async () => (await notificationsFor(userId))[0].status === 'sent', 20_000, 'the welcome sent');
      await eventually(async () => (await outboxRowFor(userId))?.sent_at ?? undefined, 10_000, 'the outbox row marked sent');
    });

    it('runs the job once when the relay dies after enqueueing and before marking the row', async () => {
      const userId = await createUser();
      const row = (await outboxRowFor(userId))!;

      // A relay that crashes mid-way: its transaction rolls back as it would if the process died.
      await expect(
        dataSource().transaction(async (manager) => {
          const claimed = await relay().claim(manager);
          expect(claimed.map((c) => c.id)).toContain(row.id);
          await relay().publish(claimed);
          throw new Error('relay crashed before marking');
        }),
      ).rejects.toThrow('relay crashed');
      expect((await outboxRowFor(userId))?.sent_at).toBeNull();
      expect(await queue().getJob(outboxJobId(row.job_key))).toBeDefined();

      // The next relay pass sends the row again; the queue keeps the first job with that id.
      expect(await drainRelay()).toBeGreaterThanOrEqual(1);
      expect((await outboxRowFor(userId))?.sent_at).not.toBeNull();
      const counts = await queue().getJobCounts('waiting', 'active', 'completed', 'delayed', 'prioritized');
      const jobsForRow = (await queue().getJobs(['waiting', 'active', 'completed', 'delayed', 'prioritized'])).filter(
        (job) => job?.data?.userId === userId,
      );
      expect(jobsForRow).toHaveLength(1);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);

      await stack.startWorker();
      await eventually(async () => (await notificationsFor(userId)).length === 1, 20_000, 'one notification');
      await eventually(async () => (await queue().getJob(outboxJobId(row.job_key)))?.finishedOn, 10_000, 'the job finished');
      expect(await notificationsFor(userId)).toHaveLength(1);
    });

    it('relays each row exactly once when several relays run at the same time', async () => {
      const count = 60;
      // Workers of earlier tests may still add rows (message deliveries), so the check counts
      // every row marked sent during the drain: a row relayed twice would make the sum exceed it.
      const { rows: clock } = await stack.db.pool.query(`SELECT clock_timestamp() AS at`);
      const { rows: users } = await stack.db.pool.query(
        `INSERT INTO app_user (email, display_name, role, password_hash)
         SELECT 'bulk-' || g || '-' || $1 || '@example.org', 'Bulk ' || g, 'delegate', 'x' FROM generate_series(1, $2) g
         RETURNING id`,
        [randomUUID().slice(0, 8), count],
      );
      await stack.db.pool.query(
        `INSERT INTO outbox (queue, name, payload)
         SELECT 'notifications', 'welcome-user', jsonb_build_object('userId', id) FROM unnest($1::uuid[]) id`,
        [users.map((u) => u.id)],
      );
      const moved = await Promise.all([drainRelay(), drainRelay(), drainRelay(), drainRelay()]);
      const { rows: marked } = await stack.db.pool.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE payload->>'userId' = ANY($2::text[]))::int AS ours FROM outbox WHERE sent_at >= $1`,
        [clock[0].at, users.map((u) => u.id)],
      );
      expect(marked[0].ours).toBe(count);
      expect(moved.reduce((a, b) => a + b, 0)).toBe(marked[0].n);
      const { rows: pending } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
      expect(pending[0].n).toBe(0);

      await stack.startWorker();
      const ids = users.map((u) => u.id);
      await eventually(async () => {
        const { rows } = await stack.db.pool.query(
          `SELECT count(*)::int AS n, count(DISTINCT recipient_user_id)::int AS d FROM notification WHERE recipient_user_id = ANY($1::uuid[])`,
          [ids],
        );
        return rows[0].n === count && rows[0].d === count;
      }, 30_000, `${count} notifications`);
    });

    it('records one message when the same job runs twice, even at the same moment', async () => {
      const { rows } = await stack.db.pool.query(
        `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Twice', 'delegate', 'x') RETURNING id`,
        [`twice-${randomUUID()}@example.org`],
      );
      const userId = rows[0].id as string;
      await stack.startWorker();
      const events = stack.workerContext().get(NotificationEvents);
      const runs = await Promise.all(Array.from({ length: 5 }, () => events.welcome(userId)));
      expect(runs.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(runs.map((r) => r.notificationId)).size).toBe(1);
      // A second job for the same trigger (a different job id) changes nothing either.
      await queue().add('welcome-user', { userId }, { jobId: `replay-${randomUUID()}` });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await notificationsFor(userId)).toHaveLength(1);
    });

    it('leaves rows for a queue this worker does not know to a newer worker, without blocking the others', async () => {
      await stack.db.pool.query(
        `INSERT INTO outbox (queue, name, payload) VALUES ('a-queue-from-a-newer-version', 'something', '{}')`,
      );
      const userId = await createUser();
      await stack.startWorker();
      await eventually(async () => (await notificationsFor(userId)).length === 1, 20_000, 'the welcome behind the unknown row');
      const { rows } = await stack.db.pool.query(`SELECT sent_at FROM outbox WHERE queue = 'a-queue-from-a-newer-version'`);
      expect(rows[0].sent_at).toBeNull();
      await stack.db.pool.query(`DELETE FROM outbox WHERE queue = 'a-queue-from-a-newer-version'`);
    });

    it('retries a failing job with exponential backoff, then keeps it in a visible failed state that an admin can retry', async () => {
      const missingUserId = randomUUID();
      await stack.db.pool.query(
        `INSERT INTO outbox (queue, name, payload) VALUES ('notifications', 'welcome-user', jsonb_build_object('userId', $1::text))`,
        [missingUserId],
      );
      await stack.startWorker();
      const failed = await eventually(async () => {
        const page = await stack.http.get('/api/jobs/failed?queue=notifications', { token: adminToken });
        expect(page.status).toBe(200);
        return (page.body.items as { id: string; attemptsMade: number; failedReason: string; createdAt: string; finishedAt: string }[]).find(
          (job) => job.attemptsMade === 3,
        );
      }, 20_000, 'the job to fail for good');
      expect(failed.failedReason).toMatch(/User was not found/);
      const queues = await stack.http.get('/api/jobs/queues', { token: adminToken });
      expect(queues.status).toBe(200);
      expect(queues.body.total).toBe(queues.body.items.length);
      const notifications = queues.body.items.find((q: { queue: string }) => q.queue === 'notifications');
      expect(notifications.failed).toBeGreaterThanOrEqual(1);
      expect(Object.keys(notifications).sort()).toEqual(['active', 'completed', 'delayed', 'failed', 'prioritized', 'queue', 'waiting']);
      // Three attempts with backoff 50 ms then 100 ms: at least 150 ms between creation and the final failure.
      expect(Date.parse(failed.finishedAt) - Date.parse(failed.createdAt)).toBeGreaterThanOrEqual(150);

      // The cause is mended (the user now exists), then an admin retries the job.
      await stack.db.pool.query(
        `INSERT INTO app_user (id, email, display_name, role, password_hash) VALUES ($1, $2, 'Late', 'delegate', 'x')`,
        [missingUserId, `late-${missingUserId}@example.org`],
      );
      const retried = await stack.http.post(`/api/jobs/notifications/${failed.id}/retry`, undefined, { token: adminToken });
      expect(retried.status).toBe(200);
      await eventually(async () => (await notificationsFor(missingUserId)).length === 1, 20_000, 'the retried job');
      const missing = await stack.http.post(`/api/jobs/notifications/no-such-job/retry`, undefined, { token: adminToken });
      expect(missing.status).toBe(404);
    });
  });
}
