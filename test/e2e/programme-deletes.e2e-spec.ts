import { TestStack } from '#testing/test-stack.js';
import { buildProgramme, type ProgrammeFixture, sessionBody, tri } from './support/programme-fixtures.js';

describe('Programme: deleting a venue, room or track', () => {
  let stack: TestStack;
  let token: string;
  let p: ProgrammeFixture;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    token = await stack.loginAsAdmin();
    p = await buildProgramme(stack.http, token);
  });
  afterAll(() => stack.close());

  const remove = (path: string) => stack.http.request('DELETE', `/api/events/${p.eventId}${path}`, undefined, { token });

  it('refuses a venue with rooms, and a room or track with sessions, naming what holds them; nothing is lost', async () => {
    const session = await stack.http.post(`/api/events/${p.eventId}/sessions`, sessionBody({ roomId: p.remote, trackId: p.track }), { token });
    expect(session.status).toBe(201);
    const venue = await remove(`/venues/${p.venueA}`);
    expect(venue.status).toBe(409);
    expect(venue.body).toMatchObject({ code: 'FOREIGN_KEY_VIOLATION', details: { rooms: 2 } });
    const room = await remove(`/rooms/${p.remote}`);
    expect(room.body).toMatchObject({ code: 'FOREIGN_KEY_VIOLATION', details: { sessions: 1 } });
    const track = await remove(`/tracks/${p.track}`);
    expect(track.body).toMatchObject({ code: 'FOREIGN_KEY_VIOLATION', details: { sessions: 1 } });
    const { rows } = await stack.db.pool.query(`SELECT (SELECT count(*)::int FROM venue WHERE event_id = $1) AS venues, (SELECT count(*)::int FROM room WHERE event_id = $1) AS rooms, (SELECT count(*)::int FROM track WHERE event_id = $1) AS tracks`, [p.eventId]);
    expect(rows[0]).toEqual({ venues: 2, rooms: 3, tracks: 1 });
  });

  it('deletes an unused room, then its empty venue, and a track, each audited; a second delete is 404', async () => {
    const track = await stack.http.post(`/api/events/${p.eventId}/tracks`, { name: tri('Spare'), colour: '#123456' }, { token });
    expect((await remove(`/rooms/${p.small}`)).status).toBe(204);
    expect((await remove(`/rooms/${p.hall}`)).status).toBe(204);
    expect((await remove(`/venues/${p.venueA}`)).status).toBe(204);
    expect((await remove(`/tracks/${track.body.id}`)).status).toBe(204);
    expect((await remove(`/tracks/${track.body.id}`)).status).toBe(404);
    const { rows } = await stack.db.pool.query(`SELECT action, before->>'id' AS id FROM audit_log WHERE action LIKE '%.deleted' ORDER BY id`);
    expect(rows.map((row) => row.action).sort()).toEqual(['room.deleted', 'room.deleted', 'track.deleted', 'venue.deleted']);
    expect(rows.map((row) => row.id)).toContain(p.venueA);
  });
});
