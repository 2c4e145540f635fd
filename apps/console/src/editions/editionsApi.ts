import { api, call } from '../api/client';
import type { components } from '../api/schema';
import type { Trilingual } from '../shared/trilingual';
import type { Page } from '../shared/usePagedList';
import { allOf } from '../api/vocabulary';

type Schemas = components['schemas'];
export type Edition = Schemas['EventDto'];
export type EditionInput = Schemas['CreateEventDto'];
export type Venue = Schemas['VenueDto'];
export type VenueInput = Schemas['CreateVenueDto'];
export type Room = Schemas['RoomDto'];
export type RoomInput = Schemas['CreateRoomDto'];
export type Track = Schemas['TrackDto'];
export type TrackInput = Schemas['CreateTrackDto'];

export const EDITION_STATUSES = allOf<Edition['status']>()(['draft', 'published', 'archived']);
export const REGISTRATION_MODES = allOf<Edition['registrationMode']>()(['open', 'approval', 'invitation']);
/** The api's largest page: venues, rooms and tracks of one edition are few, and shown whole (tracks in order). */
export const WHOLE = 100;

/** A trilingual value as the api wants it: languages left empty are left out (not sent as ""). */
export function compact(value: Trilingual | null | undefined): Trilingual {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, text]) => text?.trim()).map(([language, text]) => [language, text!.trim()]));
}

/** An optional trilingual value: null once every language is empty (the api clears it). */
export function compactOrNull(value: Trilingual | null | undefined): Trilingual | null {
  const kept = compact(value);
  return Object.keys(kept).length > 0 ? kept : null;
}

export const getEdition = (eventId: string): Promise<Edition> => call(api.GET('/api/events/{eventId}', { params: { path: { eventId } } }));
export const createEdition = (body: EditionInput): Promise<Edition> => call(api.POST('/api/events', { body }));
// The generated type marks status and registrationMode required (their documented default): the form sends both.
export const updateEdition = (eventId: string, body: Schemas['UpdateEventDto']): Promise<Edition> =>
  call(api.PATCH('/api/events/{eventId}', { params: { path: { eventId } }, body }));

export const listVenues = (eventId: string, page = 1, pageSize = WHOLE): Promise<Page<Venue>> =>
  call(api.GET('/api/events/{eventId}/venues', { params: { path: { eventId }, query: { page, pageSize } } }));
export const createVenue = (eventId: string, body: VenueInput): Promise<Venue> => call(api.POST('/api/events/{eventId}/venues', { params: { path: { eventId } }, body }));
export const updateVenue = (eventId: string, venueId: string, body: VenueInput): Promise<Venue> =>
  call(api.PATCH('/api/events/{eventId}/venues/{venueId}', { params: { path: { eventId, venueId } }, body }));

export const listRooms = (eventId: string, page = 1, pageSize = WHOLE): Promise<Page<Room>> =>
  call(api.GET('/api/events/{eventId}/rooms', { params: { path: { eventId }, query: { page, pageSize } } }));
export const createRoom = (eventId: string, body: RoomInput): Promise<Room> => call(api.POST('/api/events/{eventId}/rooms', { params: { path: { eventId } }, body }));
export const updateRoom = (eventId: string, roomId: string, body: RoomInput): Promise<Room> =>
  call(api.PATCH('/api/events/{eventId}/rooms/{roomId}', { params: { path: { eventId, roomId } }, body }));

export const listTracks = (eventId: string): Promise<Page<Track>> =>
  call(api.GET('/api/events/{eventId}/tracks', { params: { path: { eventId }, query: { page: 1, pageSize: WHOLE } } }));
export const createTrack = (eventId: string, body: TrackInput): Promise<Track> => call(api.POST('/api/events/{eventId}/tracks', { params: { path: { eventId } }, body }));
export const updateTrack = (eventId: string, trackId: string, body: Schemas['UpdateTrackDto']): Promise<Track> =>
  call(api.PATCH('/api/events/{eventId}/tracks/{trackId}', { params: { path: { eventId, trackId } }, body }));

export const deleteVenue = (eventId: string, venueId: string): Promise<unknown> =>
  call(api.DELETE('/api/events/{eventId}/venues/{venueId}', { params: { path: { eventId, venueId } } }));
export const deleteRoom = (eventId: string, roomId: string): Promise<unknown> =>
  call(api.DELETE('/api/events/{eventId}/rooms/{roomId}', { params: { path: { eventId, roomId } } }));
export const deleteTrack = (eventId: string, trackId: string): Promise<unknown> =>
  call(api.DELETE('/api/events/{eventId}/tracks/{trackId}', { params: { path: { eventId, trackId } } }));
