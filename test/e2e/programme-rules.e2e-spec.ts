import { TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from './support/programme-fixtures.js';

describe('Programme: scheduling rules held by PostgreSQL', () => {
  let stack: TestStack;
  let token: string;
  let p: ProgrammeFixture;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    token = await stack.loginAsAdmin();
    p = await buildProgramme(stack.http, token);
  });
  afterAll(() => stack.close());

  const createSession = (overrides: Record<string, unknown> = {}) =>
    stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody(overrides), { token });

  it('builds a session with hosts, roles and trilingual texts', async () => {
    const created = await createSession({
      roomId: p.hall,
      trackId: p.track,
      theme: { zh: '绿色丝路·上合共赢', en: 'Green Silk Road · SCO Win-Win', ru: 'Зелёный Шёлковый путь · взаимный выигрыш ШОС' },
      startsAt: at('2025-07-18', '08:00'),
      endsAt: at('2025-07-18', '09:00'),
      languagesInterpreted: ['en', 'ru'],
      hostOrganisationIds: [p.organisation],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ roomId: p.hall, hostOrganisationIds: [p.organisation], status: 'scheduled', startsAt: '2025-07-18T00:00:00.000Z' });
    const role = await stack.http.post(`/api/events/${p.eventId}/sessions/${created.body.id}/roles`, { personId: p.people[0], role: 'moderator' }, { token });
    expect(role.status).toBe(201);
    const read = await stack.http.get(`/api/events/${p.eventId}/sessions/${created.body.id}`, { token });
    expect(read.body.roles).toEqual([expect.objectContaining({ personId: p.people[0], role: 'moderator', protocolOrder: 1 })]);
  });

  it('refuses a second scheduled session in a room at an overlapping time with 409 ROOM_CONFLICT naming the first', async () => {
    const first = await createSession({ roomId: p.small, startsAt: at('2025-07-18', '10:00'), endsAt: at('2025-07-18', '11:00') });
    expect(first.status).toBe(201);
    const clash = await createSession({ roomId: p.small, startsAt: at('2025-07-18', '10:30'), endsAt: at('2025-07-18', '11:30') });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      code: 'ROOM_CONFLICT',
      details: { roomId: p.small, conflictingSession: { id: first.body.id, startsAt: '2025-07-18T02:00:00.000Z', endsAt: '2025-07-18T03:00:00.000Z' } },
    });
    // Back to back is fine; drafts and cancelled sessions do not hold the room.
    expect((await createSession({ roomId: p.small, startsAt: at('2025-07-18', '11:00'), endsAt: at('2025-07-18', '12:00') })).status).toBe(201);
    expect((await createSession({ roomId: p.small, status: 'draft', startsAt: at('2025-07-18', '10:15'), endsAt: at('2025-07-18', '10:45') })).status).toBe(201);
    const cancel = await stack.http.patch(`/api/events/${p.eventId}/sessions/${first.body.id}`, { status: 'cancelled' }, { token });
    expect(cancel.status).toBe(200);
    expect((await createSession({ roomId: p.small, startsAt: at('2025-07-18', '10:30'), endsAt: at('2025-07-18', '10:50') })).status).toBe(201);
  });

  it('moving a session onto a taken room is refused too', async () => {
    const a = await createSession({ roomId: p.remote, startsAt: at('2025-07-19', '09:00'), endsAt: at('2025-07-19', '10:00') });
    const b = await createSession({ roomId: p.remote, startsAt: at('2025-07-19', '10:00'), endsAt: at('2025-07-19', '11:00') });
    const move = await stack.http.patch(`/api/events/${p.eventId}/sessions/${b.body.id}`, { startsAt: at('2025-07-19', '09:30') }, { token });
    expect(move.status).toBe(409);
    expect(move.body.details.conflictingSession.id).toBe(a.body.id);
    const unchanged = await stack.http.get(`/api/events/${p.eventId}/sessions/${b.body.id}`, { token });
    expect(unchanged.body.startsAt).toBe('2025-07-19T02:00:00.000Z');
  });

  it('lets exactly one of 12 concurrent bookings of one room and time succeed', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => createSession({ roomId: p.hall, startsAt: at('2025-07-19', '14:00'), endsAt: at('2025-07-19', '15:00') })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === 'ROOM_CONFLICT')).toHaveLength(11);
    const { rows } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM session WHERE room_id = $1 AND status = 'scheduled' AND starts_at = $2`,
      [p.hall, '2025-07-19T06:00:00Z'],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a person in two overlapping sessions with 409 PERSON_CONFLICT, but not as interpreter', async () => {
    const person = p.people[1];
    const a = await createSession({ startsAt: at('2025-07-18', '15:00'), endsAt: at('2025-07-18', '16:00') });
    const b = await createSession({ startsAt: at('2025-07-18', '15:30'), endsAt: at('2025-07-18', '16:30') });
    const roles = (id: string) => `/api/events/${p.eventId}/sessions/${id}/roles`;
    expect((await stack.http.post(roles(a.body.id), { personId: person, role: 'speaker' }, { token })).status).toBe(201);
    const clash = await stack.http.post(roles(b.body.id), { personId: person, role: 'signatory' }, { token });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'PERSON_CONFLICT', details: { personId: person, conflictingSession: { id: a.body.id } } });
    // Two roles in one session are fine; so is interpreting elsewhere (no presence needed on stage).
    expect((await stack.http.post(roles(a.body.id), { personId: person, role: 'host', protocolOrder: 2 }, { token })).status).toBe(201);
    expect((await stack.http.post(roles(b.body.id), { personId: person, role: 'interpreter' }, { token })).status).toBe(201);
    expect((await stack.http.post(roles(a.body.id), { personId: person, role: 'speaker' }, { token })).body.code).toBe('ROLE_ALREADY_HELD');
  });

  it('refuses to move a session so that one of its people would be in two places', async () => {
    const person = p.people[2];
    const a = await createSession({ startsAt: at('2025-07-19', '16:00'), endsAt: at('2025-07-19', '17:00') });
    const b = await createSession({ startsAt: at('2025-07-19', '17:00'), endsAt: at('2025-07-19', '18:00') });
    const roles = (id: string) => `/api/events/${p.eventId}/sessions/${id}/roles`;
    await stack.http.post(roles(a.body.id), { personId: person, role: 'speaker' }, { token });
    await stack.http.post(roles(b.body.id), { personId: person, role: 'guest_of_honour' }, { token });
    const move = await stack.http.patch(`/api/events/${p.eventId}/sessions/${b.body.id}`, { startsAt: at('2025-07-19', '16:30') }, { token });
    expect(move.status).toBe(409);
    expect(move.body).toMatchObject({ code: 'PERSON_CONFLICT', details: { personId: person, conflictingSession: { id: a.body.id } } });
  });

  it('lets exactly one of 10 concurrent engagements of one person at one time succeed', async () => {
    const person = (
      await stack.http.post('/api/people', { nameNative: '刘苗苗', nameLatin: 'Liu Miaomiao', nameCyrillic: 'Лю Мяомяо' }, { token })
    ).body.id;
    const sessions = await Promise.all(
      Array.from({ length: 10 }, () => createSession({ startsAt: at('2025-07-18', '17:00'), endsAt: at('2025-07-18', '18:00') })),
    );
    const results = await Promise.all(
      sessions.map((s) => stack.http.post(`/api/events/${p.eventId}/sessions/${s.body.id}/roles`, { personId: person, role: 'presenter' }, { token })),
    );
    // Compared as one list, so a failure shows every answer.
    expect(results.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body.code}`)).sort()).toEqual(['201', ...Array(9).fill('409 PERSON_CONFLICT')]);
  });

  it('holds the person rule when two sessions of one speaker are moved onto each other at the same moment', async () => {
    const person = (await stack.http.post('/api/people', { nameNative: 'Иван Петров', nameLatin: 'Ivan Petrov' }, { token })).body.id;
    // Each move alone is fine; together they would put the speaker in both at 07:30–08:00.
    const a = await createSession({ startsAt: at('2025-07-19', '07:00'), endsAt: at('2025-07-19', '07:30') });
    const b = await createSession({ startsAt: at('2025-07-19', '08:00'), endsAt: at('2025-07-19', '08:30') });
    for (const s of [a, b]) await stack.http.post(`/api/events/${p.eventId}/sessions/${s.body.id}/roles`, { personId: person, role: 'speaker' }, { token });
    const [moveA, moveB] = await Promise.all([
      stack.http.patch(`/api/events/${p.eventId}/sessions/${a.body.id}`, { startsAt: at('2025-07-19', '07:30'), endsAt: at('2025-07-19', '08:00') }, { token }),
      stack.http.patch(`/api/events/${p.eventId}/sessions/${b.body.id}`, { startsAt: at('2025-07-19', '07:30'), endsAt: at('2025-07-19', '08:00') }, { token }),
    ]);
    expect([moveA.status, moveB.status].sort()).toEqual([200, 409]);
    expect([moveA, moveB].find((r) => r.status === 409)!.body.code).toBe('PERSON_CONFLICT');
    const { rows } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM session_role x JOIN session_role y ON x.person_id = y.person_id AND x.id < y.id
        WHERE x.person_id = $1 AND x.session_during && y.session_during`,
      [person],
    );
    expect(rows[0].n).toBe(0);
  });

  it('keeps a session within the event days (in the event time zone) and after its start', async () => {
    const early = await createSession({ startsAt: at('2025-07-17', '23:30'), endsAt: at('2025-07-18', '00:30') });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('OUTSIDE_EVENT_DAYS');
    const late = await createSession({ startsAt: at('2025-07-19', '23:30'), endsAt: at('2025-07-20', '00:30') });
    expect(late.body.code).toBe('OUTSIDE_EVENT_DAYS');
    const backwards = await createSession({ startsAt: at('2025-07-18', '12:00'), endsAt: at('2025-07-18', '11:00') });
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('SESSION_ENDS_BEFORE_START');
    // Shrinking the event's days under its sessions is refused too.
    const shrink = await stack.http.patch(`/api/events/${p.eventId}`, { lastDay: '2025-07-18' }, { token });
    expect(shrink.status).toBe(422);
    expect(shrink.body.code).toBe('OUTSIDE_EVENT_DAYS');
  });

  it('fits a session in its room unless an organiser gives a reason, and keeps it so when the room shrinks', async () => {
    const tooBig = await createSession({ roomId: p.small, capacity: 60, startsAt: at('2025-07-19', '12:00'), endsAt: at('2025-07-19', '12:30') });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.code).toBe('CAPACITY_EXCEEDS_ROOM');
    const overridden = await createSession({
      roomId: p.small,
      capacity: 60,
      capacityOverrideReason: 'Standing room at the back for the press',
      startsAt: at('2025-07-19', '12:00'),
      endsAt: at('2025-07-19', '12:30'),
    });
    expect(overridden.status).toBe(201);
    const fitting = await createSession({ roomId: p.remote, capacity: 150, startsAt: at('2025-07-19', '12:00'), endsAt: at('2025-07-19', '12:30') });
    expect(fitting.status).toBe(201);
    const shrink = await stack.http.patch(`/api/events/${p.eventId}/rooms/${p.remote}`, { capacity: 100 }, { token });
    expect(shrink.status).toBe(422);
    expect(shrink.body.code).toBe('CAPACITY_EXCEEDS_ROOM');
  });

  it('counts a stored capacity override reason for a move to a smaller room as for a larger capacity', async () => {
    const room = async (name: string, capacity: number) =>
      (await stack.http.post(`/api/events/${p.eventId}/rooms`, { venueId: p.venueA, name: tri(name), capacity }, { token })).body.id as string;
    const side = await room('Side room', 50);
    const annex = await room('Annex', 30);
    const session = await createSession({
      roomId: side,
      capacity: 60,
      capacityOverrideReason: 'Standing room in the corridor',
      startsAt: at('2025-07-19', '20:00'),
      endsAt: at('2025-07-19', '21:00'),
    });
    expect(session.status).toBe(201);
    const path = `/api/events/${p.eventId}/sessions/${session.body.id}`;
    const larger = await stack.http.patch(path, { capacity: 120 }, { token });
    expect(larger.status).toBe(200);
    const smallerRoom = await stack.http.patch(path, { roomId: annex }, { token });
    expect(smallerRoom.status).toBe(200);
    expect(smallerRoom.body).toMatchObject({ roomId: annex, capacity: 120, capacityOverrideReason: 'Standing room in the corridor' });
    // Cleared, the reason no longer counts, for a room as for a capacity.
    const cleared = await stack.http.patch(path, { capacityOverrideReason: null }, { token });
    expect(cleared.status).toBe(422);
    expect(cleared.body.code).toBe('CAPACITY_EXCEEDS_ROOM');
  });

  it('names a room of another edition as such before judging its seats or booths', async () => {
    const other = await buildProgramme(stack.http, token);
    const session = await createSession({ roomId: p.remote, capacity: 150, startsAt: at('2025-07-19', '21:00'), endsAt: at('2025-07-19', '22:00') });
    expect(session.status).toBe(201);
    const moved = await stack.http.patch(`/api/events/${p.eventId}/sessions/${session.body.id}`, { roomId: other.small }, { token });
    expect(moved.status).toBe(422);
    expect(moved.body).toMatchObject({ code: 'ROOM_NOT_IN_EVENT', details: { roomId: other.small } });
    const created = await createSession({ roomId: other.small, capacity: 500, startsAt: at('2025-07-19', '21:00'), endsAt: at('2025-07-19', '22:00') });
    expect(created.body.code).toBe('ROOM_NOT_IN_EVENT');
    const interpreted = await createSession({ roomId: other.small, languagesInterpreted: ['ru'], startsAt: at('2025-07-19', '21:00'), endsAt: at('2025-07-19', '22:00') });
    expect(interpreted.body.code).toBe('ROOM_NOT_IN_EVENT');
  });

  it('re-checks the room when a cancelled session is scheduled again', async () => {
    const room = (await stack.http.post(`/api/events/${p.eventId}/rooms`, { venueId: p.venueA, name: tri('Shrinking room'), capacity: 100 }, { token })).body.id;
    const session = await createSession({ roomId: room, capacity: 90, startsAt: at('2025-07-19', '10:00'), endsAt: at('2025-07-19', '11:00') });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${session.body.id}`, { status: 'cancelled' }, { token });
    expect((await stack.http.patch(`/api/events/${p.eventId}/rooms/${room}`, { capacity: 50 }, { token })).status).toBe(200);
    const back = await stack.http.patch(`/api/events/${p.eventId}/sessions/${session.body.id}`, { status: 'scheduled' }, { token });
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('CAPACITY_EXCEEDS_ROOM');
  });

  it('refuses null for a field that cannot be empty', async () => {
    const session = await createSession({ startsAt: at('2025-07-19', '21:00'), endsAt: at('2025-07-19', '22:00') });
    const result = await stack.http.patch(`/api/events/${p.eventId}/sessions/${session.body.id}`, { startsAt: null, languagesInterpreted: null }, { token });
    expect(result.status).toBe(400);
    expect(result.body.details).toEqual([
      { field: 'startsAt', rule: 'notNull', message: expect.any(String) },
      { field: 'languagesInterpreted', rule: 'notNull', message: expect.any(String) },
    ]);
    const cleared = await stack.http.patch(`/api/events/${p.eventId}/sessions/${session.body.id}`, { theme: null }, { token });
    expect(cleared.status).toBe(200);
  });

  it('keeps a room from dropping an interpretation channel a session still promises', async () => {
    const room = (await stack.http.post(`/api/events/${p.eventId}/rooms`, { venueId: p.venueA, name: tri('Booth room'), capacity: 60, interpretationChannels: ['en', 'ru'] }, { token })).body.id;
    expect((await createSession({ roomId: room, languagesInterpreted: ['ru'], startsAt: at('2025-07-19', '15:00'), endsAt: at('2025-07-19', '16:00') })).status).toBe(201);
    const drop = await stack.http.patch(`/api/events/${p.eventId}/rooms/${room}`, { interpretationChannels: ['en'] }, { token });
    expect(drop.status).toBe(422);
    expect(drop.body.code).toBe('INTERPRETATION_NOT_AVAILABLE');
  });

  it('holds when a person is added to a session while that session moves onto their other engagement', async () => {
    const person = (await stack.http.post('/api/people', { nameNative: '宋家良', nameLatin: 'Song Jialiang', nameCyrillic: 'Сун Цзялян' }, { token })).body.id;
    for (let round = 0; round < 6; round += 1) {
      const hour = String(round + 8).padStart(2, '0');
      const busy = await createSession({ startsAt: at('2025-07-18', `${hour}:00`), endsAt: at('2025-07-18', `${hour}:20`) });
      await stack.http.post(`/api/events/${p.eventId}/sessions/${busy.body.id}/roles`, { personId: person, role: 'speaker' }, { token });
      const other = await createSession({ startsAt: at('2025-07-18', `${hour}:30`), endsAt: at('2025-07-18', `${hour}:50`) });
      // Adding the person to `other` is fine at its current time; moving `other` is fine without the person.
      await Promise.all([
        stack.http.post(`/api/events/${p.eventId}/sessions/${other.body.id}/roles`, { personId: person, role: 'host' }, { token }),
        stack.http.patch(`/api/events/${p.eventId}/sessions/${other.body.id}`, { startsAt: at('2025-07-18', `${hour}:10`), endsAt: at('2025-07-18', `${hour}:25`) }, { token }),
      ]);
    }
    const { rows } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM session_role x JOIN session_role y ON x.person_id = y.person_id AND x.session_id < y.session_id
         JOIN session sx ON sx.id = x.session_id JOIN session sy ON sy.id = y.session_id
        WHERE x.person_id = $1 AND sx.status = 'scheduled' AND sy.status = 'scheduled' AND sx.during && sy.during`,
      [person],
    );
    expect(rows[0].n).toBe(0);
  });

  it('holds when sessions are added while the event days shrink, and when capacity grows while the room shrinks', async () => {
    const q = await buildProgramme(stack.http, token);
    const [shrink, add] = await Promise.all([
      stack.http.patch(`/api/events/${q.eventId}`, { lastDay: '2025-07-18' }, { token }),
      stack.http.post(`/api/events/${q.eventId}/sessions`, sessionBody({ startsAt: at('2025-07-19', '09:00'), endsAt: at('2025-07-19', '10:00') }), { token }),
    ]);
    expect([shrink.status, add.status].filter((s) => s >= 400)).toHaveLength(1);
    const { rows } = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM session s JOIN event e ON e.id = s.event_id
        WHERE e.id = $1 AND s.ends_at > ((e.last_day + 1)::timestamp AT TIME ZONE e.time_zone)`,
      [q.eventId],
    );
    expect(rows[0].n).toBe(0);

    const session = await stack.http.post(`/api/events/${q.eventId}/sessions`, sessionBody({ roomId: q.remote, capacity: 100, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') }), { token });
    await Promise.all([
      stack.http.patch(`/api/events/${q.eventId}/rooms/${q.remote}`, { capacity: 120 }, { token }),
      stack.http.patch(`/api/events/${q.eventId}/sessions/${session.body.id}`, { capacity: 150 }, { token }),
    ]);
    const { rows: seats } = await stack.db.pool.query(
      `SELECT s.capacity, r.capacity AS seats FROM session s JOIN room r ON r.id = s.room_id WHERE s.id = $1`,
      [session.body.id],
    );
    expect(seats[0].capacity).toBeLessThanOrEqual(seats[0].seats);
  });

  it('promises interpretation only in languages the room offers', async () => {
    const result = await createSession({ roomId: p.small, languagesInterpreted: ['ru'], startsAt: at('2025-07-19', '13:00'), endsAt: at('2025-07-19', '13:30') });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ code: 'INTERPRETATION_NOT_AVAILABLE', details: { missing: ['ru'] } });
  });

  it('refuses rooms and tracks of another event, and unknown people', async () => {
    const other = await buildProgramme(stack.http, token);
    const foreignRoom = await createSession({ roomId: other.hall });
    expect(foreignRoom.status).toBe(422);
    expect(foreignRoom.body.code).toBe('ROOM_NOT_IN_EVENT');
    const foreignTrack = await createSession({ trackId: other.track });
    expect(foreignTrack.body.code).toBe('TRACK_NOT_IN_EVENT');
    const session = await createSession({ startsAt: at('2025-07-19', '19:00'), endsAt: at('2025-07-19', '20:00') });
    const ghost = await stack.http.post(
      `/api/events/${p.eventId}/sessions/${session.body.id}/roles`,
      { personId: '00000000-0000-4000-8000-000000000000', role: 'speaker' },
      { token },
    );
    expect(ghost.status).toBe(422);
    expect(ghost.body.code).toBe('PERSON_NOT_FOUND');
  });

  it('lists sessions filtered by day (event time zone), room, track, kind and status, paginated', async () => {
    const day18 = await stack.http.get(`/api/events/${p.eventId}/sessions?day=2025-07-18&pageSize=100`, { token });
    expect(day18.status).toBe(200);
    expect(day18.body.items.length).toBeGreaterThan(0);
    expect(day18.body.items.every((s: { startsAt: string }) => s.startsAt < '2025-07-18T16:00:00.000Z')).toBe(true);
    const inHall = await stack.http.get(`/api/events/${p.eventId}/sessions?roomId=${p.hall}&status=scheduled`, { token });
    expect(inHall.body.items.every((s: { roomId: string; status: string }) => s.roomId === p.hall && s.status === 'scheduled')).toBe(true);
    const page = await stack.http.get(`/api/events/${p.eventId}/sessions?pageSize=2`, { token });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const findable = await createSession({ title: tri('Findable salon'), visibility: 'invitation', startsAt: at('2025-07-19', '23:00'), endsAt: at('2025-07-19', '23:30') });
    const found = await stack.http.get(`/api/events/${p.eventId}/sessions?q=findable&visibility=invitation`, { token });
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([findable.body.id]);
    const notPublic = await stack.http.get(`/api/events/${p.eventId}/sessions?q=findable&visibility=public`, { token });
    expect(notPublic.body.total).toBe(0);
    const rooms = await stack.http.get(`/api/events/${p.eventId}/rooms?venueId=${p.venueB}`, { token });
    expect(rooms.body.items.map((r: { id: string }) => r.id)).toEqual([p.remote]);
    const events = await stack.http.get(`/api/events?q=${p.slug}&status=draft`, { token });
    expect(events.body.items.map((e: { id: string }) => e.id)).toEqual([p.eventId]);
  });

  it('changes who speaks first', async () => {
    const session = await createSession({ startsAt: at('2025-07-19', '22:00'), endsAt: at('2025-07-19', '23:00') });
    const roles = `/api/events/${p.eventId}/sessions/${session.body.id}/roles`;
    const first = (await stack.http.post(roles, { personId: p.people[0], role: 'speaker', protocolOrder: 1 }, { token })).body;
    const second = (await stack.http.post(roles, { personId: p.people[1], role: 'speaker', protocolOrder: 2 }, { token })).body;
    expect((await stack.http.patch(`${roles}/${second.id}`, { protocolOrder: 0 }, { token })).status).toBe(400);
    await stack.http.patch(`${roles}/${first.id}`, { protocolOrder: 3 }, { token });
    const read = await stack.http.get(`/api/events/${p.eventId}/sessions/${session.body.id}`, { token });
    expect(read.body.roles.map((r: { personId: string }) => r.personId)).toEqual([p.people[1], p.people[0]]);
  });

  it('lets staff read and refuses them (and delegates) writes', async () => {
    for (const role of ['staff', 'delegate']) {
      const email = `${role}-${Date.now()}@example.org`;
      await stack.http.post('/api/users', { email, displayName: role, role, password: 'password of twelve' }, { token });
      const userToken = await stack.http.login(email, 'password of twelve');
      const write = await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody(), { token: userToken });
      expect(write.status).toBe(403);
      const read = await stack.http.get(`/api/events/${p.eventId}/sessions`, { token: userToken });
      expect(read.status).toBe(role === 'staff' ? 200 : 403);
    }
  });

  it('reports every conflict of the event: hard ones among drafts, rooms too small, tight transfers', async () => {
    const q = await buildProgramme(stack.http, token);
    const post = (body: Record<string, unknown>) => stack.http.post(`/api/events/${q.eventId}/sessions`, sessionBody(body), { token });
    const roles = (id: string) => `/api/events/${q.eventId}/sessions/${id}/roles`;
    const d1 = await post({ status: 'draft', roomId: q.hall, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') });
    const d2 = await post({ status: 'draft', roomId: q.hall, startsAt: at('2025-07-18', '09:30'), endsAt: at('2025-07-18', '10:30') });
    await stack.http.post(roles(d1.body.id), { personId: q.people[0], role: 'speaker' }, { token });
    await stack.http.post(roles(d2.body.id), { personId: q.people[0], role: 'speaker' }, { token });
    await post({ roomId: q.small, capacity: 80, capacityOverrideReason: 'Overflow seating', startsAt: at('2025-07-18', '11:00'), endsAt: at('2025-07-18', '12:00') });
    const s1 = await post({ roomId: q.hall, startsAt: at('2025-07-18', '13:00'), endsAt: at('2025-07-18', '14:00') });
    const s2 = await post({ roomId: q.remote, startsAt: at('2025-07-18', '14:10'), endsAt: at('2025-07-18', '15:00') });
    await stack.http.post(roles(s1.body.id), { personId: q.people[1], role: 'speaker' }, { token });
    await stack.http.post(roles(s2.body.id), { personId: q.people[1], role: 'speaker' }, { token });

    const report = await stack.http.get(`/api/events/${q.eventId}/conflicts`, { token });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ hard: 2, soft: 2, total: 4 });
    const byCode = Object.fromEntries((report.body.items as { code: string; sessions: { id: string }[] }[]).map((c) => [c.code, c]));
    expect(byCode.ROOM_CONFLICT).toMatchObject({ severity: 'hard', roomId: q.hall });
    expect(byCode.PERSON_CONFLICT).toMatchObject({ severity: 'hard', personId: q.people[0] });
    expect(byCode.ROOM_TOO_SMALL).toMatchObject({ severity: 'soft', detail: { capacity: 80, seats: 40 } });
    expect(byCode.TIGHT_TRANSFER).toMatchObject({ severity: 'soft', personId: q.people[1], detail: { minutes: 10 } });
    expect(byCode.ROOM_CONFLICT.sessions.map((s) => s.id).sort()).toEqual([d1.body.id, d2.body.id].sort());
  });

  it('audits every programme change', async () => {
    const created = await createSession({ title: tri('Audited'), startsAt: at('2025-07-19', '20:00'), endsAt: at('2025-07-19', '21:00') });
    await stack.http.patch(`/api/events/${p.eventId}/sessions/${created.body.id}`, { status: 'cancelled' }, { token });
    const audit = await stack.http.get(`/api/audit?entity=session&entityId=${created.body.id}`, { token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['session.updated', 'session.created']);
    expect(audit.body.items[0]).toMatchObject({ before: { status: 'scheduled' }, after: { status: 'cancelled' } });
  });
});
