import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import type { Trilingual } from '../../shared/trilingual';

/** The api calls of the report and release pages (conflicts, translations, releases), through the typed client. */
type S = components['schemas'];

export type Edition = components['schemas']['EventDto'];
export type Conflict = components['schemas']['ConflictDto'];
export type ConflictReport = components['schemas']['ConflictReportDto'];
export type TranslationGap = components['schemas']['TranslationGapDto'];
export type TranslationReport = components['schemas']['TranslationReportDto'];
export type ReleasePreview = components['schemas']['ReleasePreviewDto'];
export type ReleaseChanges = components['schemas']['ReleaseChangesDto'];
export type ReleaseSummary = components['schemas']['ReleaseSummaryDto'];
export type Room = components['schemas']['RoomDto'];

// The api's largest page: reports are read whole (an edition has tens of conflicts or gaps, not thousands).
const WHOLE = { page: 1, pageSize: 100 };

export const getEdition = (eventId: string): Promise<Edition> => call(api.GET('/api/events/{eventId}', { params: { path: { eventId } } }));

export const listRooms = (eventId: string) => call(api.GET('/api/events/{eventId}/rooms', { params: { path: { eventId }, query: WHOLE } }));

export const getConflicts = (eventId: string): Promise<ConflictReport> =>
  call(api.GET('/api/events/{eventId}/conflicts', { params: { path: { eventId }, query: WHOLE } }));

export const getTranslationReport = (eventId: string): Promise<TranslationReport> =>
  call(api.GET('/api/events/{eventId}/translation-report', { params: { path: { eventId }, query: WHOLE } }));

export const getReleasePreview = (eventId: string): Promise<ReleasePreview> =>
  call(api.GET('/api/events/{eventId}/releases/preview', { params: { path: { eventId } } }));

export const listReleases = (eventId: string, page: number, pageSize: number) =>
  call(api.GET('/api/events/{eventId}/releases', { params: { path: { eventId }, query: { page, pageSize } } }));

export const getReleaseChanges = (eventId: string, number: number): Promise<ReleaseChanges> =>
  call(api.GET('/api/events/{eventId}/releases/{number}/changes', { params: { path: { eventId, number } } }));

export function publishRelease(eventId: string, body: { name: Trilingual; notes?: Trilingual | null; overrideMissingTranslations?: boolean }): Promise<ReleaseSummary> {
  return call(api.POST('/api/events/{eventId}/releases', { params: { path: { eventId } }, body: body as components['schemas']['PublishReleaseDto'] }));
}

/**
 * Fixes one missing translation in place. Only texts the report already carries whole can be completed here: a
 * record's name or title (the gap's label is that very text) and a person's Cyrillic name; longer texts (themes,
 * descriptions, addresses) are completed where the record is edited.
 */
export async function fixGap(eventId: string, gap: TranslationGap, value: Trilingual | string): Promise<void> {
  const id = gap.id;
  const text = value as S['TrilingualDto'];
  // The document declares some update fields with a default (status, visibility, position…) as required; the api
  // takes a partial update, so these bodies are sent with the one field that changes.
  switch (gap.entity) {
    case 'session':
      await call(api.PATCH('/api/events/{eventId}/sessions/{sessionId}', { params: { path: { eventId, sessionId: id } }, body: { title: text } as Partial<S['UpdateSessionDto']> as S['UpdateSessionDto'] }));
      return;
    case 'event':
      await call(api.PATCH('/api/events/{eventId}', { params: { path: { eventId } }, body: { name: text } as Partial<S['UpdateEventDto']> as S['UpdateEventDto'] }));
      return;
    case 'venue':
      await call(api.PATCH('/api/events/{eventId}/venues/{venueId}', { params: { path: { eventId, venueId: id } }, body: { name: text } }));
      return;
    case 'room':
      await call(api.PATCH('/api/events/{eventId}/rooms/{roomId}', { params: { path: { eventId, roomId: id } }, body: { name: text } }));
      return;
    case 'track':
      await call(api.PATCH('/api/events/{eventId}/tracks/{trackId}', { params: { path: { eventId, trackId: id } }, body: { name: text } as Partial<S['UpdateTrackDto']> as S['UpdateTrackDto'] }));
      return;
    case 'organisation':
      await call(api.PATCH('/api/organisations/{id}', { params: { path: { id } }, body: { name: text } }));
      return;
    case 'person':
      await call(api.PATCH('/api/people/{id}', { params: { path: { id } }, body: { nameCyrillic: value as string } }));
      return;
    default:
      throw new Error(`${gap.entity} ${gap.field} is not fixed here`);
  }
}

/** Whether `fixGap` can complete this gap: the record's own name or title, or a person's Cyrillic name. */
export function fixableHere(gap: TranslationGap): boolean {
  if (gap.entity === 'person') return gap.field === 'nameCyrillic';
  if (gap.entity === 'session') return gap.field === 'title';
  return gap.entity !== 'release' && gap.field === 'name';
}
