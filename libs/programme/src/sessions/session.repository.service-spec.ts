import { randomUUID } from 'node:crypto';
import { ServiceContext } from '#testing/service-context.js';
import { insertEvent, insertRoom, insertSession, insertTrack } from '#testing/service-rows.js';
import { SessionRepository } from './session.repository.js';

describe(SessionRepository.name, () => {
  let context: ServiceContext;
  let sessions: SessionRepository;
  beforeAll(async () => {
    context = await ServiceContext.create({ providers: [SessionRepository] });
    sessions = context.get(SessionRepository);
  });
  afterAll(() => context?.close());

  it('picks the cancelled sessions out of a set, and asks nothing for an empty one', async () => {
    const event = await insertEvent(context.db.pool);
    const kept = await insertSession(context.db.pool, event.id);
    const cancelled = await insertSession(context.db.pool, event.id, { startsAt: '2025-07-18T04:00:00Z', status: 'cancelled' });
    expect(await sessions.cancelledAmong([kept, cancelled, randomUUID()])).toEqual([cancelled]);
    expect(await sessions.cancelledAmong([])).toEqual([]);
  });

  it('gives sessions with their tracks, whatever their visibility, for the caller to filter', async () => {
    const event = await insertEvent(context.db.pool);
    const track = await insertTrack(context.db.pool, event.id, 'Energy');
    const open = await insertSession(context.db.pool, event.id, { title: 'Open', trackId: track });
    const closed = await insertSession(context.db.pool, event.id, { title: 'Closed', startsAt: '2025-07-19T02:00:00Z', visibility: 'invitation' });
    const rows = await sessions.withTracks([open, closed]);
    expect(rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())).toEqual([
      {
        id: open,
        title: expect.objectContaining({ en: 'Open' }),
        startsAt: new Date('2025-07-18T02:00:00Z'),
        visibility: 'public',
        status: 'scheduled',
        track: { id: track, name: expect.objectContaining({ en: 'Energy' }), colour: '#336699' },
      },
      expect.objectContaining({ id: closed, visibility: 'invitation', track: null }),
    ]);
    expect(await sessions.withTracks([])).toEqual([]);
  });

  it('gives a session with its room and its event\'s name, language and zone, only within that event', async () => {
    const event = await insertEvent(context.db.pool, { name: 'Summit' });
    const room = await insertRoom(context.db.pool, event.id, 'Hall B');
    const session = await insertSession(context.db.pool, event.id, { roomId: room });
    const roomless = await insertSession(context.db.pool, event.id, { startsAt: '2025-07-19T02:00:00Z' });
    expect(await sessions.withRoomAndEvent(event.id, session)).toEqual({
      id: session,
      title: expect.objectContaining({ en: 'Session' }),
      startsAt: new Date('2025-07-18T02:00:00Z'),
      endsAt: new Date('2025-07-18T03:00:00Z'),
      room: expect.objectContaining({ en: 'Hall B' }),
      eventName: expect.objectContaining({ en: 'Summit' }),
      defaultLanguage: 'en',
      timeZone: 'Asia/Shanghai',
    });
    expect((await sessions.withRoomAndEvent(event.id, roomless))?.room).toBeNull();
    const other = await insertEvent(context.db.pool);
    expect(await sessions.withRoomAndEvent(other.id, session)).toBeUndefined();
  });
});
