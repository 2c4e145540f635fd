import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Language } from '#core/i18n/language.js';
import { renderText, type Trilingual } from '#core/i18n/trilingual.js';
import { dateTimeFormat } from '#core/i18n/date-time-format.js';
import { RUN_SHEET_WORDS } from './run-sheet-words.js';
import { SessionRepository } from '#programme/index.js';
import { OutcomeLoader } from '../outcomes/load-outcomes.js';
import type { OutcomeDto, OutcomePersonDto } from '../outcomes/outcome.dto.js';

export interface RunSheetEntry {
  order: number;
  kind: OutcomeDto['kind'];
  title: string;
  /** The kind and status in the reader's language, as printed. */
  kindLabel: string;
  status: OutcomeDto['status'];
  statusLabel: string;
  parties: { name: string; country: string; signatories: string[] }[];
  witnesses: string[];
  unveilers: string[];
}

/** When and where: instants for machines, and the wall clock of the event's zone for people (a ceremony at 11:50 in Qingdao is 03:50 UTC). */
export interface RunSheetSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  /** IANA zone of the event, e.g. Asia/Shanghai. */
  timeZone: string;
  /** The zone's offset on that day, e.g. UTC+08:00. */
  utcOffset: string;
  /** The day in the reader's language, in the event's zone. */
  date: string;
  /** HH:mm in the event's zone. */
  startTime: string;
  endTime: string;
}

export interface RunSheet {
  language: Language;
  eventName: string;
  session: RunSheetSession;
  entries: RunSheetEntry[];
}

const personName = (p: OutcomePersonDto, language: Language) =>
  language === 'zh' ? p.nameNative : language === 'ru' ? (p.nameCyrillic ?? p.nameLatin) : p.nameLatin;

/** A signatory as the protocol reads them out: name, then position. */
const signatoryLine = (p: OutcomePersonDto, language: Language, text: (value: Trilingual | null) => string) => {
  const position = p.position ? text(p.position) : '';
  return position ? `${personName(p, language)}, ${position}` : personName(p, language);
};

/**
 * The printable run sheet of a ceremony: what is signed (or unveiled) in order,
 * who signs for whom by protocol order, who witnesses. It is a working document
 * for protocol staff, so it shows confidential parties too.
 */
@Injectable()
export class RunSheetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly loader: OutcomeLoader,
  ) {}

  async runSheet(eventId: string, sessionId: string, language: Language): Promise<RunSheet> {
    const session = await this.sessions.withRoomAndEvent(eventId, sessionId);
    if (!session) throw new NotFoundError('Session', { sessionId });
    const text = (value: Trilingual | null | undefined) => renderText(value, language, session.defaultLanguage)?.text ?? '';
    const ids = (await this.dataSource.query(
      `SELECT id FROM outcome WHERE session_id = $1 AND status <> 'cancelled'
        ORDER BY signing_order NULLS LAST, occurred_at NULLS LAST, created_at, id`,
      [sessionId],
    )) as { id: string }[];
    const outcomes = await this.loader.load(this.dataSource.manager, ids.map((r) => r.id));
    const byProtocol = (a: OutcomePersonDto, b: OutcomePersonDto) => a.protocolOrder - b.protocolOrder;
    const words = RUN_SHEET_WORDS[language];
    return {
      language,
      eventName: text(session.eventName),
      session: {
        id: session.id,
        title: text(session.title),
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        room: session.room ? text(session.room) : null,
        ...wallClock(session.startsAt, session.endsAt, session.timeZone, words.locale),
      },
      entries: outcomes.map((o, index) => ({
        order: index + 1,
        kind: o.kind,
        kindLabel: words.kinds[o.kind],
        title: text(o.title),
        status: o.status,
        statusLabel: words.statuses[o.status],
        parties: o.parties.map((party) => ({
          name: text(party.name),
          country: party.country,
          signatories: o.people
            .filter((p) => p.role === 'signatory' && p.forOrganisationId === party.organisationId)
            .sort(byProtocol)
            .map((p) => signatoryLine(p, language, text)),
        })),
        witnesses: o.people.filter((p) => p.role === 'witness').sort(byProtocol).map((p) => personName(p, language)),
        unveilers: o.people.filter((p) => p.role === 'unveiler').sort(byProtocol).map((p) => personName(p, language)),
      })),
    };
  }
}


/** The session's day and times as a clock in the event's zone reads them, and that zone's offset on the day. */
function wallClock(startsAt: Date, endsAt: Date, timeZone: string, locale: string) {
  const time = dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offset = dateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(startsAt).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return {
    timeZone,
    // "GMT+08:00" → "UTC+08:00"; plain "GMT" is the zone at UTC itself.
    utcOffset: offset === 'GMT' ? 'UTC+00:00' : offset.replace('GMT', 'UTC'),
    date: dateTimeFormat(locale, { timeZone, dateStyle: 'full' }).format(startsAt),
    startTime: time.format(startsAt),
    endTime: time.format(endsAt),
  };
}
