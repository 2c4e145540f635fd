import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuditService } from '../audit/audit.service.js';
import { auditWriteSql, enqueueSql, readAllSql, SqlParams } from '../database/write-ctes.js';
import { JobName } from '../queue/queue-names.js';
import { jobContractRows, writeJobContracts } from './job-contract-table.js';
import { OutboxModule } from './outbox.module.js';
import { OutboxService } from './outbox.service.js';

/** core_write_audit and core_enqueue (migration 1763740000060), the one writer each of audit_log and outbox. */
describe('core writers', () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule, OutboxModule] });
  });
  afterAll(() => context?.close());

  const query = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await context.db.pool.query(sql, values)).rows as T[];
  const contractTable = () =>
    query(`SELECT name, queue, required_keys AS "requiredKeys", allowed_keys AS "allowedKeys" FROM outbox_job_contract ORDER BY name`);
  const outboxRows = (key: string) =>
    query(`SELECT queue, name, payload, deliver_at, sent_at FROM outbox WHERE payload->>'userId' = $1 OR payload->>'registrationId' = $1 ORDER BY id`, [key]);
  const auditRows = (entityId: string) =>
    query(`SELECT actor_id, actor_role, action, entity, entity_id, before, after, request_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);

  describe('the job contracts', () => {
    it('are in the database as the TypeScript defines them, after migrating', async () => {
      expect(await contractTable()).toEqual(jobContractRows());
    });

    it('follow the definitions again when the table drifted: a job missing, a job changed, a job no longer defined', async () => {
      await query(`DELETE FROM outbox_job_contract WHERE name = 'welcome-user'`);
      await query(`UPDATE outbox_job_contract SET queue = 'programme', required_keys = '{}' WHERE name = 'build-agenda'`);
      await query(`INSERT INTO outbox_job_contract (name, queue, required_keys, allowed_keys) VALUES ('retired-job', 'notifications', '{}', '{}')`);
      await writeJobContracts((sql, values) => context.db.pool.query(sql, values));
      expect(await contractTable()).toEqual(jobContractRows());
    });
  });

  describe('core_enqueue', () => {
    const refusal = (name: string, payload: unknown) =>
      query(`SELECT core_enqueue($1, $2::jsonb)`, [name, JSON.stringify(payload)]).then(
        () => null,
        (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
      );

    it('refuses an unknown job and a payload that breaks its contract, writing nothing', async () => {
      const userId = randomUUID();
      expect(await refusal('no-such-job', { userId })).toEqual({ code: '22023', message: "core_enqueue: unknown job 'no-such-job'" });
      expect(await refusal(JobName.WelcomeUser, {})).toEqual({
        code: '22023',
        message: 'core_enqueue: the payload of job welcome-user is invalid (missing: userId; not allowed: none)',
      });
      expect(await refusal(JobName.WelcomeUser, { userId: null })).toMatchObject({ code: '22023', message: expect.stringContaining('missing: userId') });
      expect(await refusal(JobName.WelcomeUser, { userId, admin: true })).toEqual({
        code: '22023',
        message: 'core_enqueue: the payload of job welcome-user is invalid (missing: none; not allowed: admin)',
      });
      expect(await refusal(JobName.WelcomeUser, [userId])).toEqual({
        code: '22023',
        message: 'core_enqueue: the payload of job welcome-user must be a JSON object',
      });
      expect(await outboxRows(userId)).toEqual([]);
    });

    it('writes the row OutboxService.add writes, queue taken from the contract', async () => {
      const userId = randomUUID();
      const deliverAt = new Date('2030-01-02T03:04:05.000Z');
      const id = await context.transaction((manager) => context.get(OutboxService).add(manager, JobName.WelcomeUser, { userId }, { deliverAt }));
      expect(id).toMatch(/^\d+$/);
      await query(`SELECT core_enqueue('welcome-user', jsonb_build_object('userId', $1::text), $2)`, [userId, deliverAt]);
      const [fromTs, fromSql] = await outboxRows(userId);
      expect(fromTs).toEqual({ queue: 'notifications', name: 'welcome-user', payload: { userId }, deliver_at: deliverAt, sent_at: null });
      expect(fromSql).toEqual(fromTs);
    });
  });

  describe('core_enqueue_each (the set-based writer of the fan-outs)', () => {
    it('writes every payload in order, each with its delivery time, or none when one breaks the contract', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const times = [new Date('2030-01-01T00:00:00.000Z'), new Date('2030-01-02T00:00:00.000Z')];
      const ids = await query<{ id: string }>(`SELECT id FROM core_enqueue_each('welcome-user', $1::jsonb[], $2::timestamptz[]) id`, [
        [JSON.stringify({ userId: a }), JSON.stringify({ userId: b })],
        times,
      ]);
      expect(ids).toHaveLength(2);
      expect(Number(ids[0].id)).toBeLessThan(Number(ids[1].id));
      expect([...(await outboxRows(a)), ...(await outboxRows(b))].map((row) => row.deliver_at)).toEqual(times);

      const [c, d] = [randomUUID(), randomUUID()];
      await expect(
        query(`SELECT core_enqueue_each('welcome-user', $1::jsonb[])`, [[JSON.stringify({ userId: c }), JSON.stringify({ user: d })]]),
      ).rejects.toMatchObject({ code: '22023', message: 'core_enqueue: the payload of job welcome-user is invalid (missing: userId; not allowed: user)' });
      await expect(
        query(`SELECT core_enqueue_each('welcome-user', $1::jsonb[], $2::timestamptz[])`, [[JSON.stringify({ userId: c })], times]),
      ).rejects.toMatchObject({ code: '22023', message: 'core_enqueue: 1 payloads but 2 delivery times' });
      expect(await outboxRows(c)).toEqual([]);
      expect(await query(`SELECT * FROM core_enqueue_each('welcome-user', '{}')`)).toEqual([]);
    });
  });

  describe('core_write_audit', () => {
    it('writes the row AuditService.record writes (secrets stripped by the TypeScript snapshot)', async () => {
      const entityId = randomUUID();
      const actorId = randomUUID();
      const caller = { userId: actorId, role: 'organiser', requestId: 'req-w' };
      await context.transaction((manager) =>
        context.get(AuditService).record(manager, caller, { action: 'room.update', entity: 'room', entityId, before: { capacity: 10 }, after: { capacity: 12, passwordHash: 'x' } }),
      );
      await query(`SELECT core_write_audit($1, 'organiser', 'room.update', 'room', $2, '{"capacity":10}', '{"capacity":12}', 'req-w')`, [actorId, entityId]);
      const rows = await auditRows(entityId);
      expect(rows[0]).toEqual({
        actor_id: actorId, actor_role: 'organiser', action: 'room.update', entity: 'room', entity_id: entityId,
        before: { capacity: 10 }, after: { capacity: 12 }, request_id: 'req-w',
      });
      expect(rows).toEqual([rows[0], rows[0]]);
    });
  });

  describe('AuditService.eraseValues', () => {
    it('removes the keys from every snapshot of the record, keeping the entries and the other keys', async () => {
      const entityId = randomUUID();
      const caller = { userId: '', role: 'admin', requestId: '' };
      await context.transaction(async (manager) => {
        await context.get(AuditService).record(manager, caller, { action: 'user.create', entity: 'user', entityId, after: { email: 'a@b.c', role: 'staff' } });
        await context.get(AuditService).record(manager, caller, { action: 'user.update', entity: 'user', entityId, before: { displayName: 'A', role: 'staff' }, after: { displayName: 'B' } });
      });
      await context.transaction((manager) => context.get(AuditService).eraseValues(manager, 'user', entityId, ['email', 'displayName']));
      expect((await auditRows(entityId)).map((row) => [row.action, row.before, row.after])).toEqual([
        ['user.create', null, { role: 'staff' }],
        ['user.update', { role: 'staff' }, {}],
      ]);
    });
  });

  describe('the CTE fragments (write-ctes)', () => {
    it('write one audit and one outbox row per source row, in the statement that makes the change, and none for none', async () => {
      const caller = { userId: '', role: 'system', requestId: '' };
      const statement = (registrationId: string, rows: number) => {
        const p = new SqlParams();
        const source = `FROM generate_series(1, ${p.add(rows, 'int')}) n`;
        return {
          sql: `WITH audited AS (${auditWriteSql(p, caller, { action: 'probe.write', entity: 'registration', entityId: registrationId, after: { n: 1 } }, source)}),
                     queued AS (${enqueueSql(p, JobName.RegistrationChanged, { registrationId, change: 'received' }, source)})
                SELECT ${readAllSql(['audited', 'queued'])}`,
          values: p.values,
        };
      };
      const two = randomUUID();
      const { sql, values } = statement(two, 2);
      expect(await query(sql, values)).toEqual([{ sideWrites: '4' }]);
      expect(await auditRows(two)).toHaveLength(2);
      expect(await outboxRows(two)).toEqual([
        { queue: 'registration', name: 'registration-changed', payload: { registrationId: two, change: 'received' }, deliver_at: null, sent_at: null },
        { queue: 'registration', name: 'registration-changed', payload: { registrationId: two, change: 'received' }, deliver_at: null, sent_at: null },
      ]);
      const none = randomUUID();
      const empty = statement(none, 0);
      await query(empty.sql, empty.values);
      expect(await auditRows(none)).toEqual([]);
      expect(await outboxRows(none)).toEqual([]);
    });

    it('refuse a bad payload in TypeScript, before any SQL', () => {
      expect(() => enqueueSql(new SqlParams(), JobName.RegistrationChanged, { registrationId: 'not-a-uuid', change: 'received' }, 'FROM ins')).toThrow(
        'The payload of job registration-changed is invalid',
      );
    });
  });
});
