import type { RenderedProgramme } from '#programme/public/render-programme.js';

/** What every agenda format renders: a release of the programme in one language, whole or one delegate's part. */
export interface AgendaInput extends RenderedProgramme {
  release: { number: number; name: string; publishedAt: string };
  /** Set for a delegate's personal agenda: whose it is (shown in the heading). */
  owner?: { name: string };
}
