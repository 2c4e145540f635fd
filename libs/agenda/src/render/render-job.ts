import { outcomesPdf, type PublicOutcomes, type RunSheet, runSheetPdf } from '#outcomes/index.js';
import { agendaHtml } from './agenda-html.js';
import { agendaIcs, type AgendaIcsOptions } from './agenda-ics.js';
import type { AgendaInput } from './agenda-input.js';
import { agendaPdf } from './agenda-pdf.js';

/** One document to render: plain data both ways, so it can cross to a rendering thread. */
export type RenderJob =
  | { kind: 'agenda-html'; input: AgendaInput }
  | { kind: 'agenda-pdf'; input: AgendaInput }
  | { kind: 'agenda-ics'; input: AgendaInput; options: AgendaIcsOptions }
  | { kind: 'outcomes-pdf'; input: PublicOutcomes }
  | { kind: 'run-sheet-pdf'; input: RunSheet };

export async function runRenderJob(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'agenda-html':
      return Buffer.from(agendaHtml(job.input), 'utf8');
    case 'agenda-pdf':
      return agendaPdf(job.input);
    case 'agenda-ics':
      return Buffer.from(agendaIcs(job.input, job.options), 'utf8');
    case 'outcomes-pdf':
      return outcomesPdf(job.input);
    case 'run-sheet-pdf':
      return runSheetPdf(job.input);
  }
}
