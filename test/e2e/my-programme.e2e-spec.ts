import { randomUUID } from 'node:crypto';
import { type MintedDelegate, mintDelegates } from '#testing/delegates.js';
import { TestStack } from '#testing/test-stack.js';
import { at, buildProgramme, type ProgrammeFixture, sessionBody, tri } from './support/programme-fixtures.js';

describe("A delegate's edition and programme with seats left (GET /api/me/registrations/{id}/edition|sessions)", () => {
  let stack: TestStack;
  let admin: string;
  let p: ProgrammeFixture;
  const sessions: Record<string, string> = {};
  let a: MintedDelegate;
  let b: MintedDelegate;
  let c: MintedDelegate;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    admin = await stack.loginAsAdmin();
    p = await buildProgramme(stack.http, admin);
    const post = async (key: string, body: Record<string, unknown>) => {
      const result = await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody(body), { token: admin });
      if (result.status !== 201) throw new Error(result.text);
      sessions[key] = result.body.id;
    };
    await post('two', { title: tri('Two seats'), roomId: p.hall, capacity: 2, startsAt: at('2025-07-18', '09:00'), endsAt: at('2025-07-18', '10:00') });
    await post('room', { title: tri('Room seats'), roomId: p.small, startsAt: at('2025-07-19', '07:30'), endsAt: at('2025-07-19', '08:30') });
    await post('open', { title: tri('No limit'), startsAt: at('2025-07-19', '11:00'), endsAt: at('2025-07-19', '12:00') });
    await post('draft', { status: 'draft', startsAt: at('2025-07-19', '13:00'), endsAt: at('2025-07-19', '14:00') });
    await post('closed', { visibility: 'invitation', roomId: p.remote, startsAt: at('2025-07-19', '15:00'), endsAt: at('2025-07-19', '16:00') });
    [a, b, c] = await mintDelegates(stack, p.eventId, 3);
  });
  afterAll(() => stack.close());

  const enrol = (d: MintedDelegate, sessionId: string) => stack.http.post(`/api/me/registrations/${d.registrationId}/enrolments`, { sessionId }, { token: d.token });
  const programme = (d: MintedDelegate, query = '') => stack.http.get(`/api/me/registrations/${d.registrationId}/sessions${query}`, { token: d.token });

  it('names the edition with its zone and days, to its delegate only', async () => {
    const edition = await stack.http.get(`/api/me/registrations/${a.registrationId}/edition`, { token: a.token });
    expect(edition.status).toBe(200);
    expect(edition.body).toEqual({
      id: p.eventId,
      slug: p.slug,
      name: tri('Test conference'),
      city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' },
      timeZone: 'Asia/Shanghai',
      firstDay: '2025-07-18',
      lastDay: '2025-07-19',
    });
    const foreign = await stack.http.get(`/api/me/registrations/${a.registrationId}/edition`, { token: b.token });
    expect(foreign.status).toBe(404);
    expect((await stack.http.get(`/api/me/registrations/${randomUUID()}/edition`, { token: a.token })).status).toBe(404);
  });

  it('lists the sessions a delegate may claim with seats left and their own seat or waiting place, drafts and uninvited ones left out', async () => {
    expect((await enrol(a, sessions.two)).body.status).toBe('enrolled');
    expect((await enrol(b, sessions.two)).body.status).toBe('enrolled');
    const waiting = await enrol(c, sessions.two);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const seen = await programme(c);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ page: 1, pageSize: 25, total: 3 });
    expect(seen.body.items.map((s: { id: string }) => s.id)).toEqual([sessions.two, sessions.room, sessions.open]);
    const [two, room, open] = seen.body.items;
    expect(two).toMatchObject({
      title: tri('Two seats'),
      kind: 'forum',
      status: 'scheduled',
      day: '2025-07-18',
      room: tri('Hall'),
      capacity: 2,
      seatsTaken: 2,
      seatsLeft: 0,
      waitlisted: 1,
      mine: { enrolmentId: waiting.body.id, status: 'waitlisted', waitlistPosition: 1 },
      startsAt: '2025-07-18T01:00:00.000Z',
    });
    // 07:30 in Qingdao on the 19th is 23:30 UTC on the 18th: the day is the event's.
    expect(room).toMatchObject({ day: '2025-07-19', capacity: 40, seatsTaken: 0, seatsLeft: 40, mine: null });
    expect(open).toMatchObject({ room: null, capacity: null, seatsLeft: null, waitlisted: 0, mine: null });

    // Invited, the closed session appears; another delegate still does not see it.
    await stack.http.post(`/api/events/${p.eventId}/sessions/${sessions.closed}/invitees`, { registrationId: c.registrationId }, { token: admin });
    expect((await programme(c)).body.total).toBe(4);
    expect((await programme(a)).body.total).toBe(3);

    // A seat given up goes to the waiting delegate, and the programme says so.
    const mineA = (await programme(a)).body.items[0].mine;
    expect(mineA).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    await stack.http.request('DELETE', `/api/me/enrolments/${mineA.enrolmentId}`, undefined, { token: a.token });
    const after = (await programme(c, '?pageSize=1')).body;
    expect(after).toMatchObject({ pageSize: 1, total: 4 });
    expect(after.items[0]).toMatchObject({ seatsTaken: 2, seatsLeft: 0, waitlisted: 0, mine: { status: 'enrolled', waitlistPosition: null } });
    expect((await programme(a)).body.items[0]).toMatchObject({ mine: null, seatsLeft: 0 });
  });

  it("answers 404 for another delegate's registration and 401 without a token", async () => {
    expect((await stack.http.get(`/api/me/registrations/${a.registrationId}/sessions`, { token: b.token })).status).toBe(404);
    expect((await stack.http.get(`/api/me/registrations/${a.registrationId}/sessions`)).status).toBe(401);
  });
});
