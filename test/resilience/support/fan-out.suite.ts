import { startSmtpSink, type SmtpSink } from '#testing/smtp-sink.js';
import { eventually, type QueueBackend, TestStack } from '#testing/test-stack.js';
import { crowdedSession } from './crowded-session.js';

const DELEGATES = 5000;
const CONCURRENCY = 10;

/**
 * The fan-out of issue 6, end to end with real processes: a release moves a session that 5,000 delegates hold
 * seats in; the worker (a process of its own) is killed with SIGKILL part-way through sending; a second worker
 * finishes. Every message reaches the SMTP server; a message goes out twice only when the first worker died
 * after the server accepted it and before its row was marked sent, and then with the same Message-ID.
 */
export function describeFanOut(backend: QueueBackend): void {
  describe(`A release that moves a session with ${DELEGATES} delegates, on the ${backend} queue backend`, () => {
    let smtp: SmtpSink;
    let stack: TestStack;

    beforeAll(async () => {
      smtp = await startSmtpSink({ parse: false });
      stack = await TestStack.create({
        backend,
        env: { SMTP_URL: smtp.url, JOB_LOCK_MS: '2000', WORKER_CONCURRENCY: String(CONCURRENCY), LOG_LEVEL: 'warn' },
      });
      await stack.startApi();
    });
    afterAll(async () => {
      await stack?.close();
      await smtp?.close();
    });

    it('answers at once, and delivers every message through a worker killed mid-way; repeats are exactly the accepted-but-unmarked ones', async () => {
      const organiser = await stack.loginAsAdmin();
      const { publishMove } = await crowdedSession(stack, organiser, DELEGATES);

      // The organiser's release does not wait for 5,000 messages: it writes one outbox row.
      const started = Date.now();
      expect((await publishMove()).status).toBe(201);
      expect(Date.now() - started).toBeLessThan(2000);

      const first = stack.spawnWorker();
      await eventually(async () => smtp.messageIds.length >= 1000, 90_000, 'a thousand messages sent');
      first.child.kill('SIGKILL');
      await first.exited;
      // What the server had accepted, and what was marked sent, when the worker died: read once PostgreSQL has
      // finished with the dead worker's transactions (a COMMIT already on the wire still lands).
      await eventually(async () => {
        const { rows } = await stack.db.pool.query(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'notification' AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        return rows[0].n === 0;
      }, 10_000, 'the dead worker\'s transactions to end');
      // …and once the SMTP server has finished with the dead worker's connections (a message whose final "."
      // was on the wire is still accepted, and counts as accepted at the kill).
      let seen = -1;
      await eventually(async () => {
        const settled = smtp.messageIds.length === seen;
        seen = smtp.messageIds.length;
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 300));
        return settled;
      }, 10_000, 'the SMTP server to settle');
      const acceptedAtKill = new Set(smtp.messageIds);
      const { rows: marked } = await stack.db.pool.query(`SELECT id FROM notification WHERE status = 'sent'`);
      const markedAtKill = new Set(marked.map((r) => `<${r.id}@sco-backoffice>`));
      expect(acceptedAtKill.size).toBeLessThan(DELEGATES);

      const second = stack.spawnWorker();
      await eventually(
        async () => {
          const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'session-moved' AND status = 'sent'`);
          return rows[0].n === DELEGATES;
        },
        150_000,
        'every message marked sent',
      );
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);

      // Every message of this database (the move notices, and the first admin's welcome).
      const { rows: all } = await stack.db.pool.query(`SELECT id, kind, status FROM notification`);
      expect(all.filter((r) => r.kind === 'session-moved')).toHaveLength(DELEGATES);
      expect(all.every((r) => r.status === 'sent')).toBe(true);
      const expected = new Set(all.map((r) => `<${r.id}@sco-backoffice>`));
      const received = new Map<string, number>();
      for (const id of smtp.messageIds) received.set(id, (received.get(id) ?? 0) + 1);
      // Nothing lost, nothing foreign.
      expect([...received.keys()].sort()).toEqual([...expected].sort());
      // Repeats: only messages the server had accepted but whose rows were not yet marked when the worker died,
      // each at most once more, and (counted by Message-ID) with the same id.
      const repeated = [...received].filter(([, n]) => n > 1).map(([id]) => id).sort();
      const acceptedUnmarked = [...acceptedAtKill].filter((id) => !markedAtKill.has(id)).sort();
      expect(repeated).toEqual(acceptedUnmarked);
      expect([...received.values()].every((n) => n <= 2)).toBe(true);
      expect(repeated.length).toBeLessThanOrEqual(CONCURRENCY);
      expect(smtp.messageIds.length).toBe(all.length + repeated.length);
    });
  });
}
