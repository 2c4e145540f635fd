import type { AgendaInput } from './render/agenda-input.js';
import type { RenderJob } from './render/render-job.js';

export const AGENDA_FORMATS = ['html', 'pdf', 'ics'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];

export function isAgendaFormat(value: unknown): value is AgendaFormat {
  return typeof value === 'string' && (AGENDA_FORMATS as readonly string[]).includes(value);
}

export const AGENDA_CONTENT_TYPES: Record<AgendaFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
};

/** One agenda in one format, as a job for the rendering thread. The calendar's name is the agenda's heading. */
export function agendaRenderJob(format: AgendaFormat, input: AgendaInput, calendar: { name: string; url?: string }): RenderJob {
  switch (format) {
    case 'html':
      return { kind: 'agenda-html', input };
    case 'pdf':
      return { kind: 'agenda-pdf', input };
    case 'ics':
      return { kind: 'agenda-ics', input, options: { calendarName: calendar.name, url: calendar.url } };
  }
}
