import { type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '#core/errors/app-error.js';
import { AGENDA_FORMATS, type AgendaFormat, isAgendaFormat } from '#agenda/index.js';

/** `agenda.{html|pdf|ics}`: any other extension names no document, so it is a 404. */
export class AgendaFormatPipe implements PipeTransform<string, AgendaFormat> {
  transform(value: string): AgendaFormat {
    if (!isAgendaFormat(value)) throw new NotFoundError('Agenda format', { format: value, formats: AGENDA_FORMATS });
    return value;
  }
}
