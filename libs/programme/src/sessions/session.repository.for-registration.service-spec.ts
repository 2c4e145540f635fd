import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent, insertRegistration, insertRoom, insertSession, insertUser } from '#testing/edition-rows.js';
import { SessionRepository } from './session.repository.js';

describe(SessionRepository.name, () => {
  let context: ServiceContext;
  let sessions: SessionRepository;
  let eventId: string;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [SessionRepository] });
    sessions = context.get(SessionRepository);
    eventId = await insertEvent(context.db.pool, { timeZone: 'Asia/Shanghai' });
  });
  afterAll(() => context?.close());

  it('says whether a session belongs to an edition', async () => {
    const id = await insertSession(context.db.pool, eventId, { startsAt: '2026-09-01T01:00Z', endsAt: '2026-09-01T02:00Z' });
    const elsewhere = await insertEvent(context.db.pool);
    expect(await sessions.existsInEvent(context.dataSource.manager, id, eventId)).toBe(true);
    expect(await sessions.existsInEvent(context.dataSource.manager, id, elsewhere)).toBe(false);
    expect(await sessions.existsInEvent(context.dataSource.manager, randomUUID(), eventId)).toBe(false);
  });

  it('gives titles and times of many sessions in one map', async () => {
    const a = await insertSession(context.db.pool, eventId, { startsAt: '2026-09-01T03:00Z', endsAt: '2026-09-01T04:00Z', title: 'Trade' });
    const b = await insertSession(context.db.pool, eventId, { startsAt: '2026-09-02T03:00Z', endsAt: '2026-09-02T05:00Z', title: 'Culture' });
    const times = await sessions.timesOf([a, b, b, randomUUID()]);
    expect(times.size).toBe(2);
    expect(times.get(b)).toEqual({ id: b, title: { en: 'Culture' }, starts_at: new Date('2026-09-02T03:00Z'), ends_at: new Date('2026-09-02T05:00Z') });
    expect(await sessions.timesOf([])).toEqual(new Map());
  });

  it('locks sessions for a seat change until the caller commits, and frees a seat', async () => {
    const id = await insertSession(context.db.pool, eventId, { startsAt: '2026-09-01T05:00Z', endsAt: '2026-09-01T06:00Z', capacity: 10 });
    await context.db.pool.query(`UPDATE session SET seats_taken = 3 WHERE id = $1`, [id]);
    await context.transaction(async (manager) => {
      await sessions.lockForSeatChange(manager, [id, id]);
      const other = await context.db.pool.connect();
      try {
        await other.query('BEGIN');
        await expect(other.query(`SELECT 1 FROM session WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(/could not obtain lock/);
        await other.query('ROLLBACK');
      } finally {
        other.release();
      }
      await sessions.freeSeat(manager, id);
    });
    expect((await context.db.pool.query(`SELECT seats_taken FROM session WHERE id = $1`, [id])).rows).toEqual([{ seats_taken: 2 }]);
    await context.transaction((manager) => sessions.lockForSeatChange(manager, []));
  });

  it('pages the sessions a registration may claim: no drafts, invitation-only ones once invited, by start, with room and local day', async () => {
    const edition = await insertEvent(context.db.pool, { timeZone: 'Asia/Shanghai' });
    const roomId = await insertRoom(context.db.pool, edition, 80);
    const registrationId = await insertRegistration(context.db.pool, edition, await insertUser(context.db.pool));
    // 17:00 UTC is the next day in Shanghai.
    const late = await insertSession(context.db.pool, edition, { startsAt: '2026-09-01T17:00Z', endsAt: '2026-09-01T18:00Z', roomId });
    const early = await insertSession(context.db.pool, edition, { startsAt: '2026-09-01T02:00Z', endsAt: '2026-09-01T03:00Z', capacity: 12, status: 'cancelled' });
    await insertSession(context.db.pool, edition, { startsAt: '2026-09-01T04:00Z', endsAt: '2026-09-01T05:00Z', status: 'draft' });
    const closed = await insertSession(context.db.pool, edition, { startsAt: '2026-09-01T06:00Z', endsAt: '2026-09-01T07:00Z', visibility: 'invitation' });

    const before = await sessions.claimableBy(edition, registrationId, 0, 10);
    expect(before.total).toBe(2);
    expect(before.rows.map((row) => row.id)).toEqual([early, late]);
    expect(before.rows[1]).toMatchObject({ room: { en: 'Room A' }, capacity: 80, day: '2026-09-02', status: 'scheduled', seats_taken: 0 });
    expect(before.rows[0]).toMatchObject({ room: null, capacity: 12, day: '2026-09-01', status: 'cancelled' });

    await context.transaction(async (manager) => {
      await sessions.addInvitee(manager, closed, registrationId);
      await sessions.addInvitee(manager, closed, registrationId);
    });
    const after = await sessions.claimableBy(edition, registrationId, 1, 1);
    expect(after.total).toBe(3);
    expect(after.rows.map((row) => row.id)).toEqual([closed]);
    expect((await context.db.pool.query(`SELECT count(*)::int AS n FROM session_invitee WHERE session_id = $1`, [closed])).rows).toEqual([{ n: 1 }]);
  });
});
