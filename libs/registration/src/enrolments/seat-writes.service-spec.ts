import { randomBytes, randomUUID } from 'node:crypto';
import { AuditModule } from '#core/audit/audit.module.js';
import { AuditService } from '#core/audit/audit.service.js';
import { OutboxModule } from '#core/outbox/outbox.module.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { ServiceContext } from '#testing/service-context.js';

/**
 * The audit and outbox rows the seat functions in the database write (claim_seat, promote_waitlisted and the
 * cancelled session's release of seats), through core's writers (migration 1763740000061): read back, and
 * compared with the rows AuditService.record and OutboxService.add write for the same change.
 */
describe('seat functions write through core', () => {
  let context: ServiceContext;
  beforeAll(async () => {
    context = await ServiceContext.create({ imports: [AuditModule, OutboxModule] });
  });
  afterAll(() => context?.close());

  const query = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await context.db.pool.query(sql, values)).rows as T[];
  const outboxOf = (sessionId: string) =>
    query(`SELECT queue, name, payload, deliver_at FROM outbox WHERE payload->>'sessionId' = $1 ORDER BY id`, [sessionId]);
  const auditOf = (enrolmentId: string) =>
    query(`SELECT actor_id, actor_role, action, entity, entity_id, before, after, request_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [enrolmentId]);

  /** The rows a claim needs, in minimal SQL: an edition, a scheduled session of `capacity` seats, approved delegates. */
  async function world(capacity: number, delegates: number) {
    const [event] = await query<{ id: string }>(
      `INSERT INTO event (slug, name, city, time_zone, first_day, last_day, default_language, status)
       VALUES ($1, '{"en":"Probe"}', '{"en":"Qingdao"}', 'UTC', '2027-06-01', '2027-06-03', 'en', 'published') RETURNING id`,
      [`probe-${randomBytes(4).toString('hex')}`],
    );
    const [session] = await query<{ id: string }>(
      `INSERT INTO session (event_id, kind, title, starts_at, ends_at, status, capacity)
       VALUES ($1, 'forum', '{"en":"Forum"}', '2027-06-02T09:00:00Z', '2027-06-02T10:00:00Z', 'scheduled', $2) RETURNING id`,
      [event.id, capacity],
    );
    const people: { userId: string; registrationId: string }[] = [];
    for (let i = 0; i < delegates; i += 1) {
      const [user] = await query<{ id: string }>(
        `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, 'Delegate', 'delegate', 'x') RETURNING id`,
        [`d-${randomUUID()}@example.org`],
      );
      const [registration] = await query<{ id: string }>(
        `INSERT INTO registration (event_id, user_id, status, category, preferred_language, consent_version, consent_at, badge_token,
                                   name_native, name_latin, country)
         VALUES ($1, $2, 'approved', 'business', 'en', 'v1', now(), $3, 'Delegate', 'Delegate', 'KZ') RETURNING id`,
        [event.id, user.id, randomBytes(12).toString('hex')],
      );
      people.push({ userId: user.id, registrationId: registration.id });
    }
    return { sessionId: session.id, people };
  }

  type Claim = { refusal: string | null; id: string; status: string };
  const claim = (person: { userId: string; registrationId: string }, sessionId: string, requestId: string) =>
    query<Claim>(`SELECT refusal, id, status FROM claim_seat($1, $2, $3, 'delegate', $4)`, [
      person.registrationId,
      person.userId,
      sessionId,
      requestId,
    ]).then(([row]) => row);

  it('claim_seat writes the audit entry and the outbox row that AuditService.record and OutboxService.add write', async () => {
    const { sessionId, people } = await world(1, 2);
    const seat = await claim(people[0], sessionId, 'req-seat');
    const waiting = await claim(people[1], sessionId, 'req-wait');
    expect([seat.refusal, seat.status, waiting.refusal, waiting.status]).toEqual([null, 'enrolled', null, 'waitlisted']);

    expect(await auditOf(seat.id)).toEqual([
      {
        actor_id: people[0].userId, actor_role: 'delegate', action: 'enrolment.enrolled', entity: 'enrolment', entity_id: seat.id,
        before: null, after: { sessionId, status: 'enrolled' }, request_id: 'req-seat',
      },
    ]);
    expect(await auditOf(waiting.id)).toEqual([expect.objectContaining({ action: 'enrolment.waitlisted', after: { sessionId, status: 'waitlisted' }, request_id: 'req-wait' })]);
    const changed = (enrolmentId: string, registrationId: string, change: string) => ({
      queue: 'registration', name: 'enrolment-changed', payload: { enrolmentId, registrationId, sessionId, change }, deliver_at: null,
    });
    expect(await outboxOf(sessionId)).toEqual([changed(seat.id, people[0].registrationId, 'enrolled'), changed(waiting.id, people[1].registrationId, 'waitlisted')]);

    // The TypeScript writers, given the same change, write the same rows.
    const caller = { userId: people[0].userId, role: 'delegate', requestId: 'req-seat' };
    await context.transaction(async (manager) => {
      await context.get(AuditService).record(manager, caller, { action: 'enrolment.enrolled', entity: 'enrolment', entityId: seat.id, after: { sessionId, status: 'enrolled' } });
      await context.get(OutboxService).add(manager, JobName.EnrolmentChanged, { enrolmentId: seat.id, registrationId: people[0].registrationId, sessionId, change: 'enrolled' });
    });
    const audit = await auditOf(seat.id);
    expect(audit[1]).toEqual(audit[0]);
    const outbox = await outboxOf(sessionId);
    expect(outbox[2]).toEqual(outbox[0]);
  });

  it('promote_waitlisted writes one outbox row per promotion, first come first served, when a seat is freed or added', async () => {
    const { sessionId, people } = await world(1, 4);
    const claims: Claim[] = [];
    for (const [i, person] of people.entries()) claims.push(await claim(person, sessionId, `req-${i}`));
    const before = (await outboxOf(sessionId)).length;

    // The seat holder leaves, as EnrolmentsService.cancel does it: the first in line is promoted.
    await context.transaction(async (manager) => {
      await manager.query(`UPDATE enrolment SET status = 'cancelled' WHERE id = $1`, [claims[0].id]);
      await manager.query(`UPDATE session SET seats_taken = seats_taken - 1 WHERE id = $1`, [sessionId]);
      expect(await manager.query(`SELECT promote_waitlisted($1) AS promoted`, [sessionId])).toEqual([{ promoted: 1 }]);
    });
    // Two more seats (session_capacity_promotes calls promote_waitlisted): the next two, in their order.
    await query(`UPDATE session SET capacity = 3 WHERE id = $1`, [sessionId]);

    const promoted = (await outboxOf(sessionId)).slice(before);
    expect(promoted).toEqual(
      [1, 2, 3].map((i) => ({
        queue: 'registration', name: 'enrolment-changed', deliver_at: null,
        payload: { enrolmentId: claims[i].id, registrationId: people[i].registrationId, sessionId, change: 'promoted' },
      })),
    );
    expect(await query(`SELECT status, count(*)::int AS n FROM enrolment WHERE session_id = $1 GROUP BY status ORDER BY status`, [sessionId])).toEqual([
      { status: 'cancelled', n: 1 },
      { status: 'enrolled', n: 3 },
    ]);
  });

  it('a cancelled session writes one outbox row per seat or place it gives back', async () => {
    const { sessionId, people } = await world(1, 2);
    const claims = [await claim(people[0], sessionId, 'r0'), await claim(people[1], sessionId, 'r1')];
    const before = (await outboxOf(sessionId)).length;
    await query(`UPDATE session SET status = 'cancelled' WHERE id = $1`, [sessionId]);
    const given = (await outboxOf(sessionId)).slice(before);
    const byEnrolment = (a: { enrolmentId: string }, b: { enrolmentId: string }) => a.enrolmentId.localeCompare(b.enrolmentId);
    expect(given.map((row) => row.payload as { enrolmentId: string }).sort(byEnrolment)).toEqual(
      claims.map((c, i) => ({ enrolmentId: c.id, registrationId: people[i].registrationId, sessionId, change: 'cancelled' })).sort(byEnrolment),
    );
    expect(given.every((row) => row.queue === 'registration' && row.name === 'enrolment-changed')).toBe(true);
  });

  it('a PL/pgSQL writer cannot write a job its contract refuses: the whole claim rolls back', async () => {
    const { sessionId, people } = await world(5, 1);
    // The contract says so, not the function: with enrolment-changed unknown to the table, the claim fails whole.
    const client = await context.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`DELETE FROM outbox_job_contract WHERE name = 'enrolment-changed'`);
      await expect(
        client.query(`SELECT * FROM claim_seat($1, $2, $3, 'delegate', NULL)`, [people[0].registrationId, people[0].userId, sessionId]),
      ).rejects.toMatchObject({ code: '22023', message: "core_enqueue: unknown job 'enrolment-changed'" });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    expect(await query(`SELECT 1 FROM enrolment WHERE session_id = $1`, [sessionId])).toEqual([]);
    expect(await outboxOf(sessionId)).toEqual([]);
  });
});
