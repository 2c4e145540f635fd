import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { sessionUid } from '#core/calendar/calendar-identity.js';

/** What a calendar needs to know of one session (kept in the notification, so a retry attaches the same file). */
export interface CalendarEntry {
  sessionId: string;
  summary: string;
  location: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /**
   * Calendars accept an update of an entry they hold only with a higher SEQUENCE: see calendarSequence().
   * Absent in messages recorded before it was kept: 0.
   */
  sequence?: number;
  /** The seat is gone (the session was cancelled, or the delegate gave it up): the calendar removes the entry. */
  cancelled?: boolean;
}

/**
 * One session as an iCalendar file, to attach to a seat confirmation. Times are
 * written in UTC, which every client converts without needing a VTIMEZONE; the
 * event's zone is named for clients that show it. The UID is the session's, so
 * importing a later confirmation updates the entry instead of duplicating it.
 * PUBLISH, not REQUEST: the delegate is told of a session, not asked to reply.
 */
export function sessionCalendar(entry: CalendarEntry): string {
  const calendar = ical({ prodId: { company: 'sco-backoffice', product: 'conference', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: entry.timeZone }]);
  calendar.createEvent({
    // The session's UID in every document (agenda and feeds too): importing both gives one entry.
    id: sessionUid(entry.sessionId),
    start: new Date(entry.startsAt),
    end: new Date(entry.endsAt),
    summary: entry.summary,
    location: entry.location || undefined,
    sequence: entry.sequence ?? 0,
    status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
