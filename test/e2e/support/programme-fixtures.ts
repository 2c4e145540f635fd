import { randomUUID } from 'node:crypto';
import type { HttpClient } from '#testing/http-client.js';

export const tri = (text: string) => ({ zh: `${text}（中）`, en: text, ru: `${text} (рус.)` });

/** Qingdao time: the tests write times as the organisers would. */
export const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

export interface ProgrammeFixture {
  eventId: string;
  slug: string;
  venueA: string;
  venueB: string;
  /** 100 seats, en and ru booths, venue A */
  hall: string;
  /** 40 seats, no booths, venue A */
  small: string;
  /** 200 seats, venue B */
  remote: string;
  track: string;
  organisation: string;
  people: string[];
}

/** An event of two days (18–19 July 2025, Asia/Shanghai, unless `days` says otherwise) with two venues, three rooms, a track and people. */
export async function buildProgramme(http: HttpClient, token: string, days = { first: '2025-07-18', last: '2025-07-19' }): Promise<ProgrammeFixture> {
  const ok = async (path: string, body: unknown) => {
    const result = await http.post(path, body, { token });
    if (result.status !== 201) throw new Error(`${path}: ${result.status} ${result.text}`);
    return result.body.id as string;
  };
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const eventId = await ok('/api/events', {
    slug,
    name: tri('Test conference'),
    city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' },
    timeZone: 'Asia/Shanghai',
    firstDay: days.first,
    lastDay: days.last,
    defaultLanguage: 'zh',
  });
  const venueA = await ok(`/api/events/${eventId}/venues`, { name: tri('Expo centre') });
  const venueB = await ok(`/api/events/${eventId}/venues`, { name: tri('Demonstration zone') });
  const hall = await ok(`/api/events/${eventId}/rooms`, { venueId: venueA, name: tri('Hall'), capacity: 100, interpretationChannels: ['en', 'ru'] });
  const small = await ok(`/api/events/${eventId}/rooms`, { venueId: venueA, name: tri('Small room'), capacity: 40 });
  const remote = await ok(`/api/events/${eventId}/rooms`, { venueId: venueB, name: tri('Forum room'), capacity: 200, interpretationChannels: ['zh', 'en', 'ru'] });
  const track = await ok(`/api/events/${eventId}/tracks`, { name: tri('Logistics'), colour: '#1f6feb', position: 1 });
  const organisation = await ok('/api/organisations', { name: tri('Demo zone committee'), country: 'CN', type: 'government_body' });
  const people: string[] = [];
  for (const [native, latin, cyrillic] of [
    ['李刚', 'Li Gang', 'Ли Ган'],
    ['王卫中', 'Wang Weizhong', 'Ван Вэйчжун'],
    ['Алия Нурланова', 'Aliya Nurlanova', 'Алия Нурланова'],
  ]) {
    people.push(
      await ok('/api/people', { nameNative: native, nameLatin: latin, nameCyrillic: cyrillic, position: tri('Director'), organisationId: organisation, country: 'CN' }),
    );
  }
  return { eventId, slug, venueA, venueB, hall, small, remote, track, organisation, people };
}

export function sessionBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'forum',
    title: tri(`Session ${randomUUID().slice(0, 6)}`),
    startsAt: at('2025-07-18', '14:00'),
    endsAt: at('2025-07-18', '16:00'),
    status: 'scheduled',
    languagesSpoken: ['zh'],
    ...overrides,
  };
}
