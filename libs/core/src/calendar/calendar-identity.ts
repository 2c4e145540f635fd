/**
 * What every iCalendar file the product writes must agree on, so that a delegate who imports the confirmation
 * mail's session.ics, downloads the personal agenda and subscribes to the feed sees one entry per session:
 * the same UID for a session everywhere, and a SEQUENCE that only grows with each change, whichever document
 * carries the change (a calendar ignores an update whose SEQUENCE is not higher than the one it holds).
 */

/** The UID of a session's entry in every calendar document (agenda, feeds, mail attachments). */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@sco-backoffice`;
}

const SEQUENCE_EPOCH = Date.UTC(2025, 0, 1);

/**
 * The SEQUENCE for a description of a session made at `changedAt`: whole seconds since 2025. Mail records it when
 * the message is recorded, agendas and feeds at the release's publication, so every later change (a new release,
 * a moved session's notice, a seat given up) outranks every earlier one, whichever document a calendar saw first.
 * Seconds, not minutes: two releases a minute apart happen (a fix right after a release), and many calendar apps
 * ignore an update with an equal SEQUENCE rather than comparing DTSTAMP as RFC 5546 says. Below 2^31 (the integer
 * calendar programs keep it in) until 2093.
 */
export function calendarSequence(changedAt: Date): number {
  return Math.max(0, Math.floor((changedAt.getTime() - SEQUENCE_EPOCH) / 1000));
}

/**
 * A TEXT value escaped as RFC 5545 §3.3.11 asks. ical-generator escapes event properties itself but writes the
 * calendar's NAME, X-WR-CALNAME and X-WR-CALDESC as given, so a name like «Иванов, Пётр; мл.» would end the value
 * at the comma in vobject-based software: calendar-level text goes through this first.
 */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
