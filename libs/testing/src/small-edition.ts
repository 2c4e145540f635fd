import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ProgrammeSeedRepository } from '#programme/index.js';

export interface SmallEdition {
  eventId: string;
  roomId: string;
  sessionId: string;
  organisationId: string;
  personId: string;
}

const tri = (text: string) => ({ zh: text, en: text, ru: text });

/**
 * A draft edition of one day with one room of `seats` seats and one scheduled session in it, an organisation and a
 * person, written through the programme's seed repository: the smallest world the service-level specs of the seed
 * repositories need.
 */
export async function smallEdition(manager: EntityManager, programme: ProgrammeSeedRepository, seats = 1): Promise<SmallEdition> {
  const ids = { eventId: randomUUID(), venueId: randomUUID(), roomId: randomUUID(), sessionId: randomUUID(), organisationId: randomUUID(), personId: randomUUID() };
  const slug = `small-${ids.eventId.slice(0, 8)}`;
  await programme.insertIfAbsent(manager, 'event', {
    id: ids.eventId, slug, name: tri('Small edition'), city: tri('Qingdao'), time_zone: 'Asia/Shanghai',
    first_day: '2025-07-18', last_day: '2025-07-18', default_language: 'en',
  });
  await programme.insertIfAbsent(manager, 'venue', { id: ids.venueId, event_id: ids.eventId, name: tri('Hall') });
  await programme.insertIfAbsent(manager, 'room', { id: ids.roomId, event_id: ids.eventId, venue_id: ids.venueId, name: tri('Room'), capacity: seats });
  await programme.insertIfAbsent(manager, 'session', {
    id: ids.sessionId, event_id: ids.eventId, kind: 'forum', title: tri('Forum'), starts_at: '2025-07-18T10:00:00+08:00',
    ends_at: '2025-07-18T11:00:00+08:00', room_id: ids.roomId, status: 'scheduled',
  });
  await programme.insertIfAbsent(manager, 'organisation', { id: ids.organisationId, name: tri('Committee'), country: 'CN', type: 'government_body' });
  await programme.insertIfAbsent(manager, 'person', { id: ids.personId, name_native: '李刚', name_latin: 'Li Gang', organisation_id: ids.organisationId, country: 'CN' });
  return { eventId: ids.eventId, roomId: ids.roomId, sessionId: ids.sessionId, organisationId: ids.organisationId, personId: ids.personId };
}
