import type { Language } from '#core/i18n/language.js';
import { renderText } from '#core/i18n/trilingual.js';
import { type ReleaseSnapshotRow, renderProgramme } from '#programme/index.js';
import type { AgendaInput } from './render/agenda-input.js';

/** A release as the renderers take it, in one language: the public sessions, or a delegate's own. */
export function releaseAgendaInput(
  release: ReleaseSnapshotRow,
  language: Language,
  own?: { sessionIds: ReadonlySet<string>; cancelledSessionIds?: ReadonlySet<string>; ownerName: string },
): AgendaInput {
  const programme = renderProgramme(release.snapshot, language, own?.sessionIds);
  // Rendered as the scheduled ones are (public ones, or the delegate's own), from the release's list of cancellations.
  const cancelled = renderProgramme(
    { ...release.snapshot, sessions: release.snapshot.cancelledSessions ?? [] },
    language,
    own ? (own.cancelledSessionIds ?? new Set()) : undefined,
  ).sessions;
  return {
    ...programme,
    cancelled,
    release: {
      number: release.number,
      name: renderText(release.name, language, release.snapshot.event.defaultLanguage)?.text ?? '',
      publishedAt: release.publishedAt.toISOString(),
    },
    ...(own ? { owner: { name: own.ownerName } } : {}),
  };
}
