import { matchesEtag } from '#core/http/etag.js';
import type { Language } from '#core/i18n/language.js';
import { AGENDA_CONTENT_TYPES, type AgendaFormat } from '../agenda-formats.js';

export interface AgendaDownload {
  status: 200 | 304;
  headers: Record<string, string>;
  body?: Buffer;
}

/**
 * The answer for a stored document: its content type and language (Content-Language, since which one was chosen
 * depends on ?lang=, Accept-Language and the event's default), a file name, and an ETag from its checksum (304 when
 * current).
 */
export function agendaDownload(
  content: Buffer,
  sha256: string,
  format: AgendaFormat,
  fileName: string,
  ifNoneMatch: string | undefined,
  privateCopy: boolean,
  language?: Language,
): AgendaDownload {
  const etag = `"${sha256.slice(0, 32)}"`;
  const headers: Record<string, string> = {
    'content-type': AGENDA_CONTENT_TYPES[format],
    // HTML opens in the browser for printing; PDF and iCalendar are files to keep or import.
    'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${fileName}.${format}"`,
    etag,
    // A personal agenda is one person's: no shared cache may keep it.
    'cache-control': privateCopy ? 'private, no-cache' : 'public, no-cache',
    vary: 'Accept-Language',
    ...(language ? { 'content-language': language } : {}),
  };
  if (matchesEtag(ifNoneMatch, etag)) return { status: 304, headers };
  return { status: 200, headers, body: content };
}
