/**
 * The texts an agenda shows, worked out once for every format (HTML, PDF, ICS): days, local times, and each
 * session's details as labelled lines, all in the programme's language. Plain strings; each format escapes or
 * lays them out its own way.
 */
import { dateTimeFormat } from '#core/i18n/date-time-format.js';
import type { PublicSessionDto } from '#programme/index.js';
import type { AgendaInput } from './agenda-input.js';
import { AGENDA_WORDS, type AgendaWords } from './agenda-words.js';

export interface AgendaDay {
  /** YYYY-MM-DD in the event's time zone. */
  day: string;
  /** E.g. 'Day 1 · Friday, 18 July 2025'. */
  title: string;
  sessions: PublicSessionDto[];
}

/** A labelled detail under a session's title: 'Room: …', 'Speakers: …'. */
export interface DetailLine {
  /** Which detail it is, for a format that places or leaves out one (a calendar has the room as LOCATION). */
  key: 'theme' | 'room' | 'track' | 'hosts' | 'people' | 'spoken' | 'interpretation';
  label: string;
  items: string[];
  /**
   * One item a line: people, each with a position and an organisation that have commas of their own.
   * Otherwise the items are one line, joined by the language's separator.
   */
  stacked: boolean;
  /** The track's colour (checked by safeColour), shown as a small marker before the track's name. */
  colour?: string;
}

export function wordsFor(programme: AgendaInput): AgendaWords {
  return AGENDA_WORDS[programme.language];
}

/** The heading of the whole agenda: the programme, or whose personal agenda it is. */
export function agendaHeading(programme: AgendaInput): string {
  const w = wordsFor(programme);
  return programme.owner ? w.personalHeading(programme.owner.name) : w.heading;
}

const MS_PER_DAY = 86_400_000;

/** Sessions by local day, days in order, sessions by start (then end) within a day. */
export function agendaDays(programme: AgendaInput): AgendaDay[] {
  const w = wordsFor(programme);
  const sorted = [...programme.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt));
  const byDay = new Map<string, PublicSessionDto[]>();
  for (const s of sorted) {
    const list = byDay.get(s.day);
    if (list) list.push(s);
    else byDay.set(s.day, [s]);
  }
  // A calendar date, not an instant: formatted at noon UTC in UTC, it cannot shift to a neighbouring day.
  const longDate = dateTimeFormat(w.locale, { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  const first = Date.parse(`${programme.event.firstDay}T12:00:00Z`);
  return [...byDay.keys()].sort().map((day) => {
    const at = Date.parse(`${day}T12:00:00Z`);
    const n = Math.round((at - first) / MS_PER_DAY) + 1;
    // Numbered from the event's first day, so a personal agenda's 'Day 2' is the programme's 'Day 2'.
    const date = Number.isNaN(at) ? day : longDate.format(at);
    return { day, title: n >= 1 && !Number.isNaN(first) ? `${w.day(n)} · ${date}` : date, sessions: byDay.get(day)! };
  });
}

/** '09:00–09:40' in the event's time zone; an end on a later local day is marked '(+1)'. */
export function timeRange(programme: AgendaInput, session: PublicSessionDto): string {
  const { timeZone } = programme.event;
  const { locale } = wordsFor(programme);
  const time = dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  const days = Math.round((Date.parse(day.format(end)) - Date.parse(day.format(start))) / MS_PER_DAY);
  return `${time.format(start)}–${time.format(end)}${days > 0 ? ` (+${days})` : ''}`;
}

/** Date and time of the release, in the event's time zone and the reader's language. */
export function releaseLine(programme: AgendaInput): string {
  const w = wordsFor(programme);
  const { number, name, publishedAt } = programme.release;
  const when = dateTimeFormat(w.locale, { timeZone: programme.event.timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(publishedAt));
  return w.release(number, name, when);
}

/** 'All times are local (Qingdao, Asia/Shanghai).' */
export function timesNote(programme: AgendaInput): string {
  return wordsFor(programme).timesAreLocal(programme.event.city, programme.event.timeZone);
}

/** Room and venue as one place ('Main Hall, Qingdao International Convention Center'), or null without a room. */
export function placeOf(programme: AgendaInput, session: PublicSessionDto): string | null {
  if (!session.room) return null;
  const { name, venue } = session.room;
  // A venue that is one room is often named the same: say it once.
  return name === venue.name ? name : wordsFor(programme).place(name, venue.name);
}

/** A track colour as CSS/PDF accept it, or null: colours are organiser input, and go into style attributes. */
export function safeColour(colour: string | null | undefined): string | null {
  return colour && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : null;
}

/** The people of a session grouped by role, roles in the protocol order of their first person. */
export function peopleLines(programme: AgendaInput, session: PublicSessionDto): DetailLine[] {
  const w = wordsFor(programme);
  const people = [...session.people].sort((a, b) => a.protocolOrder - b.protocolOrder);
  const byRole = new Map<PublicSessionDto['people'][number]['role'], string[]>();
  for (const p of people) {
    const shown = w.person({ name: p.name, honorific: p.honorific, position: p.position, organisation: p.organisation?.name ?? null });
    byRole.set(p.role, [...(byRole.get(p.role) ?? []), shown]);
  }
  return [...byRole].map(([role, names]) => ({ key: 'people', label: names.length > 1 ? w.roles[role].many : w.roles[role].one, items: names, stacked: true }));
}

/**
 * Everything under a session's title, in reading order: theme, place, track, hosts, people, languages.
 * Lines without content are left out.
 */
export function detailLines(programme: AgendaInput, session: PublicSessionDto): DetailLine[] {
  const w = wordsFor(programme);
  const lines: DetailLine[] = [];
  const add = (key: DetailLine['key'], label: string, items: string[]) => {
    if (items.length) lines.push({ key, label, items, stacked: false });
  };
  add('theme', w.theme, session.theme ? [session.theme] : []);
  add('room', w.room, [placeOf(programme, session) ?? ''].filter(Boolean));
  if (session.track) {
    const colour = safeColour(session.track.colour);
    lines.push({ key: 'track', label: w.track, items: [session.track.name], stacked: false, ...(colour ? { colour } : {}) });
  }
  add('hosts', w.hosts, session.hosts.map((h) => h.name));
  lines.push(...peopleLines(programme, session));
  add('spoken', w.spoken, session.languagesSpoken.map((c) => w.languages[c]));
  add('interpretation', w.interpretation, session.languagesInterpreted.map((c) => w.languages[c]));
  return lines;
}

/** A detail as one plain line of text, for formats without layout (calendar descriptions). */
export function detailText(w: AgendaWords, line: DetailLine): string {
  return `${line.label}${w.colon}${line.items.join(line.stacked ? w.stackSeparator : w.separator)}`;
}
