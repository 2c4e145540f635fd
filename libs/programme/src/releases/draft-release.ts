import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { buildSnapshot } from './build-snapshot.js';
import { diffSchedules, type ScheduleChanges } from './schedule-diff.js';
import { ScheduleRelease } from './schedule-release.entity.js';
import type { ScheduleSnapshot } from './schedule-snapshot.js';
import { type TranslationGap, translationGaps } from './translation-report.js';

export interface DraftRelease {
  /** Texts of the schedule that lack a language (the release's own name and notes are checked by the caller). */
  gaps: TranslationGap[];
  snapshot: ScheduleSnapshot;
  previous: ScheduleRelease | null;
  changes: ScheduleChanges;
  /** True when the schedule is exactly the previous release's: publishing would refuse with NO_CHANGES. */
  unchanged: boolean;
}

/**
 * The release the schedule would make now, read in the caller's transaction and written nowhere. Publishing and
 * the preview both use it, so the dialog that asks "publish these changes?" shows exactly what publishing records.
 */
export async function draftRelease(manager: EntityManager, eventId: string): Promise<DraftRelease> {
  const gaps = await translationGaps(manager, eventId);
  const snapshot = await buildSnapshot(manager, eventId);
  const previous = await manager.findOne(ScheduleRelease, { where: { eventId }, order: { number: 'DESC' } });
  // The stored snapshot went through JSON (jsonb): compare like with like.
  const unchanged = previous !== null && isDeepStrictEqual(previous.snapshot, JSON.parse(JSON.stringify(snapshot)));
  const changes = diffSchedules(previous?.snapshot ?? null, previous?.number ?? null, snapshot);
  return { gaps, snapshot, previous, changes, unchanged };
}
