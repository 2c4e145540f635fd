import { api, call } from '../api/client';
import type { components } from '../api/schema';

export type Edition = components['schemas']['EventDto'];
export type Room = components['schemas']['RoomDto'];
export type Track = components['schemas']['TrackDto'];
export type Session = components['schemas']['SessionDto'];
export type SessionRole = components['schemas']['SessionRoleDto'];
export type SessionInput = components['schemas']['CreateSessionDto'];
export type SessionChange = components['schemas']['UpdateSessionDto'];
export type Person = components['schemas']['PersonDto'];
export type Release = components['schemas']['ReleaseSummaryDto'];

export const SESSION_KINDS = ['ceremony', 'plenary', 'forum', 'dialogue_salon', 'signing_ceremony', 'unveiling_ceremony', 'meeting', 'side_event', 'break'] as const;
export const SESSION_STATUSES = ['draft', 'scheduled', 'cancelled'] as const;
export const VISIBILITIES = ['public', 'invitation'] as const;
export const ROLE_KINDS = ['speaker', 'moderator', 'host', 'presenter', 'signatory', 'guest_of_honour', 'interpreter'] as const;

// The api pages every list (at most 100 a page); an edition's rooms, tracks and a day's sessions are read whole.
const PAGE = 100;
async function all<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await read(page);
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

export const getEdition = (eventId: string) => call(api.GET('/api/events/{eventId}', { params: { path: { eventId } } }));

export const listRooms = (eventId: string) =>
  all((page) => call(api.GET('/api/events/{eventId}/rooms', { params: { path: { eventId }, query: { page, pageSize: PAGE } } })));

export const listTracks = (eventId: string) =>
  all((page) => call(api.GET('/api/events/{eventId}/tracks', { params: { path: { eventId }, query: { page, pageSize: PAGE } } })));

/** The sessions of one event day (the api reads `day` in the event's zone). */
export const listSessions = (eventId: string, day: string) =>
  all((page) => call(api.GET('/api/events/{eventId}/sessions', { params: { path: { eventId }, query: { day, page, pageSize: PAGE } } })));

/** The newest release, if any: sessions changed after it are not yet in the published programme. */
export async function latestRelease(eventId: string): Promise<Release | undefined> {
  const answer = await call(api.GET('/api/events/{eventId}/releases', { params: { path: { eventId }, query: { page: 1, pageSize: PAGE } } }));
  return [...answer.items].sort((a, b) => b.number - a.number)[0];
}

export const createSession = (eventId: string, body: SessionInput) =>
  call(api.POST('/api/events/{eventId}/sessions', { params: { path: { eventId } }, body }));

export const updateSession = (eventId: string, sessionId: string, body: SessionChange) =>
  call(api.PATCH('/api/events/{eventId}/sessions/{sessionId}', { params: { path: { eventId, sessionId } }, body }));

export const addRole = (eventId: string, sessionId: string, body: components['schemas']['AddSessionRoleDto']) =>
  call(api.POST('/api/events/{eventId}/sessions/{sessionId}/roles', { params: { path: { eventId, sessionId } }, body }));

export const setRoleOrder = (eventId: string, sessionId: string, roleId: string, protocolOrder: number) =>
  call(api.PATCH('/api/events/{eventId}/sessions/{sessionId}/roles/{roleId}', { params: { path: { eventId, sessionId, roleId } }, body: { protocolOrder } }));

export const removeRole = (eventId: string, sessionId: string, roleId: string) =>
  call(api.DELETE('/api/events/{eventId}/sessions/{sessionId}/roles/{roleId}', { params: { path: { eventId, sessionId, roleId } } }));

export const getSession = (eventId: string, sessionId: string) =>
  call(api.GET('/api/events/{eventId}/sessions/{sessionId}', { params: { path: { eventId, sessionId } } }));

export const searchPeople = (q: string) => call(api.GET('/api/people', { params: { query: { q: q || undefined, page: 1, pageSize: 20 } } }));

export const getPerson = (id: string) => call(api.GET('/api/people/{id}', { params: { path: { id } } }));

/** A person's name as the reader writes names: Cyrillic in Russian, the native form in Chinese, else Latin. */
export function personName(person: Person, language: string): string {
  if (language === 'ru') return person.nameCyrillic ?? person.nameLatin;
  if (language === 'zh') return person.nameNative;
  return person.nameLatin;
}
