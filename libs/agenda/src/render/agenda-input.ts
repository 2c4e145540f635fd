import type { PublicSessionDto, RenderedProgramme } from '#programme/index.js';

/** What every agenda format renders: a release of the programme in one language, whole or one delegate's part. */
export interface AgendaInput extends RenderedProgramme {
  release: { number: number; name: string; publishedAt: string };
  /**
   * Sessions an earlier release published that are cancelled now (for a personal agenda, those the delegate held a
   * seat in). Only the calendar shows them, as cancelled, so that calendar programs remove the entry.
   */
  cancelled: PublicSessionDto[];
  /** Set for a delegate's personal agenda: whose it is (shown in the heading). */
  owner?: { name: string };
}
