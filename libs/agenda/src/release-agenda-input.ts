import type { Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { renderProgramme } from '#programme/public/render-programme.js';
import type { ScheduleSnapshot } from '#programme/releases/schedule-snapshot.js';
import type { AgendaInput } from './render/agenda-input.js';

export interface ReleaseRow {
  id: string;
  number: number;
  name: Trilingual;
  published_at: Date;
  snapshot: ScheduleSnapshot;
}

/** A release as the renderers take it, in one language: the public sessions, or a delegate's own. */
export function releaseAgendaInput(release: ReleaseRow, language: Language, own?: { sessionIds: ReadonlySet<string>; ownerName: string }): AgendaInput {
  const programme = renderProgramme(release.snapshot, language, own?.sessionIds);
  return {
    ...programme,
    release: {
      number: release.number,
      name: renderText(release.name, language, release.snapshot.event.defaultLanguage)?.text ?? '',
      publishedAt: release.published_at.toISOString(),
    },
    ...(own ? { owner: { name: own.ownerName } } : {}),
  };
}
