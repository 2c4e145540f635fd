import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SessionReminders } from '#messaging/index.js';
import { type MintedDelegate, mintDelegates } from '#testing/delegates.js';
import { TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from './support/programme-fixtures.js';

describe('Enrolment with waiting lists, and check-in at the door', () => {
  let stack: TestStack;
  let admin: string;
  let p: ProgrammeFixture;
  const sessions: Record<string, string> = {};

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    p = await buildProgramme(stack.http, admin);
    const post = async (key: string, body: Record<string, unknown>) => {
      const result = await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody(body), { token: admin });
      if (result.status !== 201) throw new Error(result.text);
      sessions[key] = result.body.id;
    };
    // The afternoon forums run in parallel; the storm session has 50 seats.
    await post('storm', { roomId: p.remote, capacity: 50, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') });
    await post('forumA', { roomId: p.hall, capacity: 2, startsAt: at('2025-07-18', '14:00'), endsAt: at('2025-07-18', '16:00') });
    await post('forumB', { roomId: p.small, startsAt: at('2025-07-18', '14:00'), endsAt: at('2025-07-18', '16:00') });
    await post('closed', { roomId: p.remote, visibility: 'invitation', startsAt: at('2025-07-19', '09:00'), endsAt: at('2025-07-19', '10:00') });
  });
  afterAll(() => stack.close());

  const enrol = (d: MintedDelegate, sessionId: string) =>
    stack.http.post(`/api/me/registrations/${d.registrationId}/enrolments`, { sessionId }, { token: d.token });

  it('gives 50 seats to exactly 50 of 500 simultaneous requests and queues the other 450 in arrival order', async () => {
    const delegates = await mintDelegates(stack, p.eventId, 500);
    const results = await Promise.all(delegates.map((d) => enrol(d, sessions.storm)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.status === 'enrolled')).toHaveLength(50);
    const waitlisted = results.filter((r) => r.body.status === 'waitlisted');
    expect(waitlisted).toHaveLength(450);
    // Each queued delegate's position is their rank by arrival.
    const { rows: queue } = await stack.db.pool.query(
      `SELECT id FROM enrolment WHERE session_id = $1 AND status = 'waitlisted' ORDER BY arrival`,
      [sessions.storm],
    );
    const positionOf = new Map(waitlisted.map((r) => [r.body.id, r.body.waitlistPosition]));
    expect(queue.map((row) => positionOf.get(row.id))).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));

    const { rows } = await stack.db.pool.query(
      `SELECT status, min(arrival) AS first, max(arrival) AS last, count(*)::int AS n FROM enrolment WHERE session_id = $1 GROUP BY status`,
      [sessions.storm],
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(by.enrolled.n).toBe(50);
    // Everyone seated arrived before everyone queued.
    expect(Number(by.enrolled.last)).toBeLessThan(Number(by.waitlisted.first));
    const { rows: seats } = await stack.db.pool.query(`SELECT seats_taken FROM session WHERE id = $1`, [sessions.storm]);
    expect(seats[0].seats_taken).toBe(50);
  });

  it('hands a freed seat to the first in the queue in the same transaction, and to the queue when capacity grows', async () => {
    const [a, b, c, d] = await mintDelegates(stack, p.eventId, 4);
    const first = await enrol(a, sessions.forumA);
    await enrol(b, sessions.forumA);
    const third = await enrol(c, sessions.forumA);
    const fourth = await enrol(d, sessions.forumA);
    expect([first.body.status, third.body.status, fourth.body.status]).toEqual(['enrolled', 'waitlisted', 'waitlisted']);

    const left = await stack.http.request('DELETE', `/api/me/enrolments/${first.body.id}`, undefined, { token: a.token });
    expect(left.status).toBe(200);
    expect(left.body.status).toBe('cancelled');
    const mine = await stack.http.get('/api/me/enrolments', { token: c.token });
    expect(mine.body.items[0]).toMatchObject({ sessionId: sessions.forumA, status: 'enrolled', waitlistPosition: null });
    const { rows } = await stack.db.pool.query(
      `SELECT payload FROM outbox WHERE name = 'enrolment-changed' AND payload->>'enrolmentId' = $1 AND payload->>'change' = 'promoted'`,
      [third.body.id],
    );
    expect(rows).toHaveLength(1);

    // An organiser raises the capacity: the next in the queue gets the new seat.
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${sessions.forumA}`, { capacity: 3 }, { token: admin });
    const promoted = await stack.http.get('/api/me/enrolments', { token: d.token });
    expect(promoted.body.items[0].status).toBe('enrolled');
  });

  it('lets 10 seated delegates leave at the same moment: no deadlock, and the 10 first in the queue take their seats', async () => {
    const session = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.remote, capacity: 10, startsAt: at('2025-07-19', '11:00'), endsAt: at('2025-07-19', '12:00') }), { token: admin })).body.id;
    const crowd = await mintDelegates(stack, p.eventId, 25);
    const claims: Awaited<ReturnType<typeof enrol>>[] = [];
    for (const d of crowd) claims.push(await enrol(d, session));
    const seated = claims.slice(0, 10);
    expect(seated.every((c) => c.body.status === 'enrolled')).toBe(true);
    // Ten leave at once, while two of the queue give up their place at the same time.
    const leaving = await Promise.all([
      ...seated.map((c, i) => stack.http.request('DELETE', `/api/me/enrolments/${c.body.id}`, undefined, { token: crowd[i].token })),
      ...[20, 21].map((i) => stack.http.request('DELETE', `/api/me/enrolments/${claims[i].body.id}`, undefined, { token: crowd[i].token })),
    ]);
    expect(leaving.map((r) => r.status)).toEqual(Array(12).fill(200));
    const { rows } = await stack.db.pool.query(
      `SELECT e.registration_id, e.status FROM enrolment e WHERE e.session_id = $1 AND e.status = 'enrolled'`,
      [session],
    );
    expect(rows.map((r) => r.registration_id).sort()).toEqual(crowd.slice(10, 20).map((d) => d.registrationId).sort());
    const { rows: seats } = await stack.db.pool.query(`SELECT seats_taken FROM session WHERE id = $1`, [session]);
    expect(seats[0].seats_taken).toBe(10);
  });

  it('promotes from the queue when the room grows, and gives every seat back when the session is cancelled', async () => {
    const room = (await stack.http.post(`/api/events/${p.eventId}/rooms`, { venueId: p.venueB, name: tri('Growing room'), capacity: 1 }, { token: admin })).body.id;
    const session = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: room, startsAt: at('2025-07-19', '12:00'), endsAt: at('2025-07-19', '13:00') }), { token: admin })).body.id;
    const [first, second, third] = await mintDelegates(stack, p.eventId, 3);
    expect((await enrol(first, session)).body.status).toBe('enrolled');
    const queued = await enrol(second, session);
    expect(queued.body.status).toBe('waitlisted');
    await enrol(third, session);
    expect((await stack.http.patch(`/api/events/${p.eventId}/rooms/${room}`, { capacity: 2 }, { token: admin })).status).toBe(200);
    const mine = await stack.http.get('/api/me/enrolments', { token: second.token });
    expect(mine.body.items.find((e: { id: string }) => e.id === queued.body.id).status).toBe('enrolled');

    const cancelled = await stack.http.patch(`/api/events/${p.eventId}/sessions/${session}`, { status: 'cancelled' }, { token: admin });
    expect(cancelled.status).toBe(200);
    const { rows } = await stack.db.pool.query(`SELECT status, count(*)::int AS n FROM enrolment WHERE session_id = $1 GROUP BY status`, [session]);
    expect(rows).toEqual([{ status: 'cancelled', n: 3 }]);
    const { rows: events } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM outbox WHERE name = 'enrolment-changed' AND payload->>'sessionId' = $1 AND payload->>'change' = 'cancelled'`,
      [session],
    );
    expect(events[0].n).toBe(3);
    // The seat the cancelled session held is free for a session at the same time.
    const other = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.small, startsAt: at('2025-07-19', '12:00'), endsAt: at('2025-07-19', '13:00') }), { token: admin })).body.id;
    expect((await enrol(first, other)).status).toBe(201);
  });

  it('refuses to move a session onto another that its delegates hold seats in, naming them and the sessions in the way', async () => {
    const create = async (roomId: string, from: string, to: string) =>
      (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId, startsAt: at('2025-07-19', from), endsAt: at('2025-07-19', to) }), { token: admin })).body;
    const early = await create(p.hall, '17:00', '18:00');
    const late = await create(p.small, '18:00', '19:00');
    const [first, second, free] = await mintDelegates(stack, p.eventId, 3);
    for (const d of [first, second]) {
      expect((await enrol(d, early.id)).status).toBe(201);
      expect((await enrol(d, late.id)).status).toBe(201);
    }
    expect((await enrol(free, late.id)).status).toBe(201);
    const move = await stack.http.patch(`/api/events/${p.eventId}/sessions/${late.id}`, { startsAt: at('2025-07-19', '17:30') }, { token: admin });
    expect(move.status).toBe(409);
    expect(move.body.code).toBe('DELEGATE_TIME_CONFLICT');
    expect(move.body.message).toBe('2 delegates of this session hold or wait for seats in other sessions at the new time');
    expect(move.body.details).toEqual({
      sessionId: late.id,
      delegateCount: 2,
      delegates: expect.arrayContaining([first, second].map((d) => ({
        registrationId: d.registrationId,
        nameNative: 'Делегат',
        nameLatin: 'Delegate',
        claim: 'seat',
        conflictingSessionIds: [early.id],
      }))),
      conflictingSessions: [{ id: early.id, title: early.title, startsAt: early.startsAt, endsAt: early.endsAt }],
    });
    expect(move.body.details.delegates).toHaveLength(2);
  });

  it('reports a room too small for the enrolled count when a session moves to a smaller room', async () => {
    const room = (await stack.http.post(`/api/events/${p.eventId}/rooms`, { venueId: p.venueA, name: tri('Closet'), capacity: 1 }, { token: admin })).body.id;
    const session = (await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.remote, startsAt: at('2025-07-19', '16:00'), endsAt: at('2025-07-19', '17:00') }), { token: admin })).body.id;
    const two = await mintDelegates(stack, p.eventId, 2);
    for (const d of two) expect((await enrol(d, session)).body.status).toBe('enrolled');
    expect((await stack.http.patch(`/api/events/${p.eventId}/sessions/${session}`, { roomId: room }, { token: admin })).status).toBe(200);
    const report = await stack.http.get(`/api/events/${p.eventId}/conflicts?pageSize=100`, { token: admin });
    const tooSmall = report.body.items.find((c: { code: string; roomId: string }) => c.code === 'ROOM_TOO_SMALL' && c.roomId === room);
    expect(tooSmall).toMatchObject({ severity: 'soft', detail: { seats: 1, enrolled: 2 } });
  });

  it('refuses seats in two sessions at the same time with 409 TIME_CONFLICT naming the other', async () => {
    const [delegate] = await mintDelegates(stack, p.eventId, 1);
    expect((await enrol(delegate, sessions.forumB)).status).toBe(201);
    const clash = await enrol(delegate, sessions.forumA);
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'TIME_CONFLICT', details: { conflictingSession: { id: sessions.forumB } } });
    const again = await enrol(delegate, sessions.forumB);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ENROLLED');
  });

  it('holds the time rule when one delegate asks for both parallel forums at the same moment', async () => {
    const delegates = await mintDelegates(stack, p.eventId, 10);
    const pairs = await Promise.all(delegates.map((d) => Promise.all([enrol(d, sessions.forumB), enrol(d, sessions.forumA)])));
    for (const pair of pairs) {
      // One of the two wins (a seat or a place in the queue), the other is refused.
      expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(pair.find((r) => r.status === 409)!.body.code).toBe('TIME_CONFLICT');
    }
    const { rows } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM enrolment x JOIN enrolment y ON x.registration_id = y.registration_id AND x.id < y.id
        WHERE x.status <> 'cancelled' AND y.status <> 'cancelled' AND x.session_during && y.session_during`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('lets into an invitation-only session only those on its list', async () => {
    const [guest] = await mintDelegates(stack, p.eventId, 1);
    const refused = await enrol(guest, sessions.closed);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_INVITED');
    const listed = await stack.http.post(`/api/events/${p.eventId}/sessions/${sessions.closed}/invitees`, { registrationId: guest.registrationId }, { token: admin });
    expect(listed.status).toBe(204);
    expect((await enrol(guest, sessions.closed)).body.status).toBe('enrolled');
  });

  it('lists for organisers who holds a seat and who waits in a session, and the reminders planned for them', async () => {
    // Days to come: reminders are planned only for sessions that have not begun.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const f = await buildProgramme(stack.http, admin, { first: day(30), last: day(31) });
    const session = (await stack.http.post(`/api/events/${f.eventId}/sessions`, sessionBody({ roomId: f.small, capacity: 2, startsAt: at(day(30), '10:00'), endsAt: at(day(30), '11:00') }), { token: admin })).body;
    const delegates = await mintDelegates(stack, f.eventId, 4);
    const claims: string[] = [];
    for (const d of delegates) claims.push((await enrol(d, session.id)).body.id);
    const path = `/api/events/${f.eventId}/sessions/${session.id}`;
    const list = async (query = '') => (await stack.http.get(`${path}/enrolments${query}`, { token: admin })).body;
    const brief = (items: { registrationId: string; status: string; waitlistPosition: number | null }[]) =>
      items.map((e) => [delegates.findIndex((d) => d.registrationId === e.registrationId), e.status, e.waitlistPosition]);

    const first = await list();
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: 4 });
    expect(brief(first.items)).toEqual([[0, 'enrolled', null], [1, 'enrolled', null], [2, 'waitlisted', 1], [3, 'waitlisted', 2]]);
    expect(first.items[0]).toEqual({
      id: claims[0],
      registrationId: delegates[0].registrationId,
      nameNative: 'Делегат',
      nameLatin: 'Delegate',
      status: 'enrolled',
      waitlistPosition: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    // The first seat holder leaves: the first in the queue takes the seat.
    expect((await stack.http.request('DELETE', `/api/me/enrolments/${claims[0]}`, undefined, { token: delegates[0].token })).status).toBe(200);
    expect(brief((await list()).items)).toEqual([[1, 'enrolled', null], [2, 'enrolled', null], [3, 'waitlisted', 1]]);
    // Pages count the whole queue, and ?status= shows one kind, the cancelled included.
    const last = await list('?pageSize=1&page=3');
    expect({ total: last.total, items: brief(last.items) }).toEqual({ total: 3, items: [[3, 'waitlisted', 1]] });
    expect(brief((await list('?status=cancelled')).items)).toEqual([[0, 'cancelled', null]]);
    expect((await list('?status=gone')).code).toBe('VALIDATION_FAILED');
    const email = `reader-${randomUUID()}@example.org`;
    await stack.http.post('/api/users', { email, displayName: 'Reader', role: 'staff', password: 'staff reader password' }, { token: admin });
    const staff = await stack.http.login(email, 'staff reader password');
    expect((await stack.http.get(`${path}/enrolments`, { token: staff })).status).toBe(403);
    expect((await stack.http.get(`/api/events/${p.eventId}/sessions/${session.id}/enrolments`, { token: admin })).status).toBe(404);

    // Reminders are planned as the worker plans them when seats are confirmed.
    const reminders = stack.api!.get(SessionReminders, { strict: false });
    const dataSource = stack.api!.get(DataSource, { strict: false });
    expect(await dataSource.transaction((manager) => reminders.planForSession(manager, session.id))).toBe(2);
    const planned = async () => (await stack.http.get(`${path}/reminders`, { token: admin })).body;
    const before = await planned();
    expect(before.total).toBe(2);
    expect(before.items[0]).toMatchObject({
      sessionStartsAt: session.startsAt,
      sendAt: new Date(new Date(session.startsAt).getTime() - 60 * 60_000).toISOString(),
      relayedAt: null,
      state: 'planned',
      notificationId: null,
    });
    // One gives the seat up (the reminder will drop itself); the other's reminder fires.
    const stateOf = (body: { items: { registrationId: string; state: string }[] }, d: MintedDelegate) =>
      body.items.find((r) => r.registrationId === d.registrationId)?.state;
    expect((await stack.http.request('DELETE', `/api/me/enrolments/${claims[1]}`, undefined, { token: delegates[1].token })).status).toBe(200);
    expect(await reminders.fire(claims[2], session.startsAt)).toBe('recorded');
    const after = await planned();
    expect(stateOf(after, delegates[1])).toBe('obsolete');
    expect(stateOf(after, delegates[2])).toBe('recorded');
    expect(after.items.find((r: { state: string }) => r.state === 'recorded')).toMatchObject({ notificationId: expect.any(String), notificationStatus: 'queued' });
    expect((await stack.http.get(`${path}/reminders`, { token: staff })).status).toBe(403);
  });

  describe('check-in', () => {
    let entrance: string;
    let sessionList: string;
    let badge: string;
    let delegate: MintedDelegate;

    beforeAll(async () => {
      entrance = (await stack.http.post(`/api/events/${p.eventId}/check-in-lists`, { name: tri('Main entrance') }, { token: admin })).body.id;
      sessionList = (await stack.http.post(`/api/events/${p.eventId}/check-in-lists`, { name: tri('Forum B door'), sessionId: sessions.forumB }, { token: admin })).body.id;
      [delegate] = await mintDelegates(stack, p.eventId, 1);
      badge = (await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [delegate.registrationId])).rows[0].badge_token;
    });

    const scan = (token: string, listId: string, nonce = `n-${randomUUID()}`, scannedAt = '2025-07-18T08:31:00+08:00') =>
      stack.http.post('/api/check-ins', { token, listId, nonce, scannedAt }, { token: admin });

    it('checks a badge in once; the same nonce again gets the first answer and writes nothing; a new scan gets ALREADY_CHECKED_IN', async () => {
      const first = await scan(badge, entrance, 'nonce-first-0001');
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ code: 'CHECKED_IN', details: { checkedInAt: '2025-07-18T00:31:00.000Z', delegate: { registrationId: delegate.registrationId } } });
      const count = async () => Number((await stack.db.pool.query(`SELECT (SELECT count(*) FROM check_in) + (SELECT count(*) FROM check_in_scan) AS n`)).rows[0].n);
      const before = await count();
      const replay = await scan(badge, entrance, 'nonce-first-0001', '2025-07-18T09:00:00+08:00');
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      expect(await count()).toBe(before);
      const second = await scan(badge, entrance);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'ALREADY_CHECKED_IN', details: { checkedInAt: '2025-07-18T00:31:00.000Z' } });
    });

    it('writes one check-in when the same badge is scanned 20 times at once', async () => {
      const [someone] = await mintDelegates(stack, p.eventId, 1);
      const token = (await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [someone.registrationId])).rows[0].badge_token;
      const results = await Promise.all(Array.from({ length: 20 }, () => scan(token, entrance)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(19);
      const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE registration_id = $1`, [someone.registrationId]);
      expect(rows[0].n).toBe(1);
    });

    it('answers unknown, pending, rejected, revoked and not-enrolled badges with their own codes', async () => {
      expect((await scan('no-such-badge', entrance)).body.code).toBe('UNKNOWN_BADGE');
      const [pending, rejected, cancelled] = await mintDelegates(stack, p.eventId, 3);
      await stack.db.pool.query(`UPDATE registration SET status = 'pending' WHERE id = $1`, [pending.registrationId]);
      await stack.db.pool.query(`UPDATE registration SET status = 'rejected' WHERE id = $1`, [rejected.registrationId]);
      await stack.http.post(`/api/me/registrations/${cancelled.registrationId}/cancel`, undefined, { token: cancelled.token });
      const tokenOf = async (d: MintedDelegate) => (await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [d.registrationId])).rows[0].badge_token;
      expect((await scan(await tokenOf(pending), entrance)).body.code).toBe('REGISTRATION_PENDING');
      expect((await scan(await tokenOf(rejected), entrance)).body.code).toBe('REGISTRATION_REJECTED');
      const revoked = await scan(await tokenOf(cancelled), entrance);
      expect(revoked.status).toBe(410);
      expect(revoked.body.code).toBe('BADGE_REVOKED');
      const notEnrolled = await scan(badge, sessionList);
      expect(notEnrolled.body.code).toBe('NOT_ENROLLED');
      await enrol(delegate, sessions.forumB);
      expect((await scan(badge, sessionList)).status).toBe(201);
    });

    it('answers a batch of offline scans one by one', async () => {
      const [x, y] = await mintDelegates(stack, p.eventId, 2);
      const tokenOf = async (d: MintedDelegate) => (await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [d.registrationId])).rows[0].badge_token;
      const scans = [
        { token: await tokenOf(x), listId: entrance, nonce: 'offline-0001', scannedAt: '2025-07-18T08:00:00+08:00' },
        { token: await tokenOf(y), listId: entrance, nonce: 'offline-0002', scannedAt: '2025-07-18T08:01:00+08:00' },
        { token: await tokenOf(x), listId: entrance, nonce: 'offline-0003', scannedAt: '2025-07-18T08:05:00+08:00' },
        { token: 'forged', listId: entrance, nonce: 'offline-0004', scannedAt: '2025-07-18T08:06:00+08:00' },
        { token: await tokenOf(y), listId: '00000000-0000-4000-8000-000000000000', nonce: 'offline-0005', scannedAt: '2025-07-18T08:07:00+08:00' },
      ];
      const result = await stack.http.post('/api/check-ins/batch', { scans }, { token: admin });
      expect(result.status).toBe(200);
      expect(result.body.answers.map((a: { nonce: string; code: string }) => `${a.nonce}:${a.code}`)).toEqual([
        'offline-0001:CHECKED_IN',
        'offline-0002:CHECKED_IN',
        'offline-0003:ALREADY_CHECKED_IN',
        'offline-0004:UNKNOWN_BADGE',
        'offline-0005:NOT_FOUND',
      ]);
      // Sent again (the device was not sure it got through): the same answers, nothing new written.
      const again = await stack.http.post('/api/check-ins/batch', { scans }, { token: admin });
      expect(again.body).toEqual(result.body);
    });

    it('shows live counts per list to door staff and who is inside to organisers', async () => {
      const email = `door-${Date.now()}@example.org`;
      await stack.http.post('/api/users', { email, displayName: 'Door', role: 'staff', password: 'door staff password' }, { token: admin });
      const staff = await stack.http.login(email, 'door staff password');
      const [guest] = await mintDelegates(stack, p.eventId, 1);
      const guestBadge = (await stack.db.pool.query(`SELECT badge_token FROM registration WHERE id = $1`, [guest.registrationId])).rows[0].badge_token;
      const scanByStaff = await stack.http.post(
        '/api/check-ins',
        { token: guestBadge, listId: entrance, nonce: `n-${randomUUID()}`, scannedAt: '2025-07-18T08:40:00+08:00' },
        { token: staff },
      );
      expect(scanByStaff.status).toBe(201);
      expect(scanByStaff.body.code).toBe('CHECKED_IN');

      const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE list_id = $1`, [entrance]);
      const lists = await stack.http.get(`/api/events/${p.eventId}/check-in-lists`, { token: staff });
      expect(lists.status).toBe(200);
      const main = lists.body.items.find((l: { id: string }) => l.id === entrance);
      expect(main.checkedIn).toBe(rows[0].n);
      expect(main.expected).toBeGreaterThan(500);
      expect((await stack.http.get(`/api/check-in-lists/${entrance}/check-ins`, { token: staff })).status).toBe(403);
      const inside = await stack.http.get(`/api/check-in-lists/${entrance}/check-ins?pageSize=100`, { token: admin });
      expect(inside.body.total).toBe(rows[0].n);
      expect(inside.body.items.map((i: { registrationId: string }) => i.registrationId)).toEqual(
        expect.arrayContaining([delegate.registrationId, guest.registrationId]),
      );
    });
  });
});
