/**
 * An agenda as an iCalendar feed: one event per session, for importing or subscribing. Times are written as
 * the event's local time with a TZID and the zone's VTIMEZONE (from timezones-ical-library, built from the IANA
 * database), so calendars show '09:00 Qingdao' even where the zone's rules differ from the reader's; a zone that
 * library does not know falls back to UTC times, which every client converts correctly.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import { calendarSequence, icsText, sessionUid } from '#core/calendar/calendar-identity.js';
import type { AgendaInput } from './agenda-input.js';
import { agendaHeading, detailLines, detailText, placeOf, releaseLine, wordsFor } from './agenda-text.js';
import { wallClock } from './wall-clock.js';

export interface AgendaIcsOptions {
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME). */
  calendarName: string;
  /** Where the feed itself is served: clients that subscribe refresh from it. */
  url?: string;
}

/** Subscribed calendars poll this often (REFRESH-INTERVAL, X-PUBLISHED-TTL): a changed room reaches phones within the hour. */
const REFRESH_SECONDS = 3600;

let knownZones: Set<string> | undefined;

/** The zone's VTIMEZONE block, or null when the library does not have the zone. */
function vtimezone(timeZone: string): string | null {
  // Asked first, because the library logs to the console for a zone it does not know.
  knownZones ??= new Set(tzlib_get_timezones(false) as string[]);
  if (!knownZones.has(timeZone)) return null;
  const block = tzlib_get_ical_block(timeZone, false);
  return Array.isArray(block) && block[0] ? block[0] : null;
}

export function agendaIcs(programme: AgendaInput, options: AgendaIcsOptions): string {
  const w = wordsFor(programme);
  // As Intl spells it ('asia/shanghai' → 'Asia/Shanghai'): the library's names are case-sensitive, and a TZID
  // must match its VTIMEZONE exactly.
  const timeZone = new Intl.DateTimeFormat('en', { timeZone: programme.event.timeZone }).resolvedOptions().timeZone;
  const zone = vtimezone(timeZone);
  const calendar = ical({
    prodId: { company: 'sco-backoffice', product: 'agenda', language: programme.language.toUpperCase() },
    // PUBLISH: the reader is told of sessions, not asked to reply to invitations.
    method: ICalCalendarMethod.PUBLISH,
    // Escaped here: ical-generator writes calendar-level text as given (see icsText).
    name: icsText(options.calendarName),
    description: icsText(`${programme.event.name} — ${agendaHeading(programme)}. ${releaseLine(programme)}`),
    url: options.url ?? null,
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time without 'Z'. The generator
    // alone makes it add the VTIMEZONE of every zone an event uses; X-WR-TIMEZONE names the zone for clients.
    timezone: zone ? { name: null, generator: (name: string) => (name === timeZone ? zone : vtimezone(name)) } : null,
    x: [{ key: 'X-WR-TIMEZONE', value: timeZone }],
  });
  // When the release was published: the same for every rendering of one release, so the feed does not change
  // on every poll (DTSTAMP is 'when this description was created').
  const stamp = new Date(programme.release.publishedAt);
  const localZone = zone ? timeZone : 'UTC';
  const write = (s: AgendaInput['sessions'][number], status: ICalEventStatus, description: string | null) =>
    calendar.createEvent({
      // Stable across releases, languages and documents (the mail's session.ics too), so an update replaces the
      // entry rather than adding a second one.
      id: sessionUid(s.id),
      // Calendars accept an update only with a higher SEQUENCE: seconds since 2025 at the release's publication,
      // on the same scale as the mail's attachments, so whichever a calendar saw last the newer change wins.
      sequence: calendarSequence(stamp),
      stamp,
      start: wallClock(s.startsAt, localZone),
      end: wallClock(s.endsAt, localZone),
      timezone: zone ? timeZone : null,
      summary: s.title,
      location: placeOf(programme, s),
      description,
      categories: s.track ? [{ name: s.track.name }] : [],
      status,
    });
  for (const s of programme.sessions) {
    const details = detailLines(programme, s).filter((line) => line.key !== 'room').map((line) => detailText(w, line));
    write(s, ICalEventStatus.CONFIRMED, [details.join('\n'), s.description].filter(Boolean).join('\n\n') || null);
  }
  // Kept as cancelled, under the same UID and this release's higher SEQUENCE: a calendar that imported or
  // subscribed to an earlier release removes the entry instead of keeping a session that will not take place.
  for (const s of programme.cancelled) write(s, ICalEventStatus.CANCELLED, null);
  return calendar.toString();
}
