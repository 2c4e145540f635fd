import { agendaHtml } from './render/agenda-html.js';
import { agendaIcs } from './render/agenda-ics.js';
import type { AgendaInput } from './render/agenda-input.js';
import { agendaPdf } from './render/agenda-pdf.js';

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

/** One agenda in one format. The calendar's name is the agenda's heading (the event, or whose agenda it is). */
export async function renderAgenda(format: AgendaFormat, input: AgendaInput, calendar: { name: string; url?: string }): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(agendaHtml(input), 'utf8');
    case 'pdf':
      return agendaPdf(input);
    case 'ics':
      return Buffer.from(agendaIcs(input, { calendarName: calendar.name, url: calendar.url }), 'utf8');
  }
}
