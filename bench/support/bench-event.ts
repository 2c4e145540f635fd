import type { TestStack } from '#testing/test-stack.js';

export const tri = (text: string) => ({ zh: `${text}（中）`, en: text, ru: `${text} (рус.)` });

export interface BenchEvent {
  id: string;
  slug: string;
  roomIds: string[];
  sessionIds: string[];
  /** POST as the admin through the in-process api; throws on anything but a 2xx. */
  post: (path: string, body: unknown) => Promise<{ id: string }>;
}

export interface BenchEventOptions {
  /** Sessions of 45 minutes, one room after the other, from 09:00 on 18 July 2025 (Qingdao time). */
  sessions?: number;
  rooms?: number;
  /** Seats per session (the room holds more, so the session's own capacity is the limit). */
  capacity?: number;
  /** Published and open: anyone logged in can register and is approved at once. */
  openForRegistration?: boolean;
  /** Publishes a release, so the public programme exists. */
  release?: boolean;
}

/** POST as `token`'s holder through the stack's in-process api, returning the created record; throws on anything but a 2xx. */
export function poster(stack: TestStack, token: string): BenchEvent['post'] {
  return async (path, body) => {
    const result = await stack.http.post(path, body, { token });
    if (result.status >= 300) throw new Error(`${path}: ${result.status} ${result.text}`);
    return result.body as { id: string };
  };
}

/**
 * An event set up as an organiser would, through the api (the in-process one of the stack): a venue, rooms,
 * sessions with trilingual texts of a realistic length, and as asked a release and open registration.
 */
export async function createBenchEvent(stack: TestStack, token: string, options: BenchEventOptions = {}): Promise<BenchEvent> {
  const { sessions = 1, rooms = 1, capacity = 100 } = options;
  const post = poster(stack, token);
  const slug = `bench-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const event = await post('/api/events', {
    slug, name: tri('China–SCO local economic and trade cooperation conference'), city: tri('Qingdao'), timeZone: 'Asia/Shanghai',
    firstDay: '2025-07-18', lastDay: '2025-07-20', defaultLanguage: 'zh',
  });
  const venue = await post(`/api/events/${event.id}/venues`, { name: tri('Expo centre') });
  const roomIds: string[] = [];
  for (let r = 0; r < rooms; r++) roomIds.push((await post(`/api/events/${event.id}/rooms`, { venueId: venue.id, name: tri(`Hall ${r + 1}`), capacity: capacity + 100 })).id);
  const sessionIds: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const slot = Math.floor(i / rooms);
    const start = new Date(Date.UTC(2025, 6, 18, 1, 0) + slot * 60 * 60_000);
    sessionIds.push(
      (await post(`/api/events/${event.id}/sessions`, {
        kind: 'forum', title: tri(`Forum ${i + 1}: cross-border logistics and e-commerce`), theme: tri('Local trade cooperation'),
        description: tri('Ministers, governors and companies of the SCO countries discuss corridors, customs and investment'),
        startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 45 * 60_000).toISOString(), status: 'scheduled',
        languagesSpoken: ['zh', 'ru'], roomId: roomIds[i % rooms], capacity,
      })).id,
    );
  }
  if (options.release) await post(`/api/events/${event.id}/releases`, { name: tri('Programme') });
  if (options.openForRegistration) {
    const opened = await stack.http.patch(`/api/events/${event.id}`, { status: 'published', registrationMode: 'open' }, { token });
    if (opened.status !== 200) throw new Error(`publish: ${opened.status} ${opened.text}`);
  }
  return { id: event.id, slug, roomIds, sessionIds, post };
}
