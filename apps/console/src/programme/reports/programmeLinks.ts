import type { TranslationGap } from './programmeApi';

/*
 * Where things are fixed. A session opens in the timetable's drawer (`?session=<id>` on the timetable, the index of
 * the programme workspace); the release's own name on the release page; any other text on the translation report,
 * which completes names and titles in place (each gap has an anchor there).
 */
const programme = (eventId: string) => `/editions/${eventId}/programme`;

export const sessionHref = (eventId: string, sessionId: string) => `${programme(eventId)}?session=${sessionId}`;
export const releaseHref = (eventId: string) => `${programme(eventId)}/release`;
export const translationsHref = (eventId: string) => `${programme(eventId)}/translations`;
export const gapAnchor = (gap: TranslationGap) => `gap-${gap.entity}-${gap.id}-${gap.field}`;

export function gapHref(eventId: string, gap: TranslationGap): string {
  if (gap.entity === 'release') return releaseHref(eventId);
  return `${translationsHref(eventId)}#${gapAnchor(gap)}`;
}
