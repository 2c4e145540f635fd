/**
 * An instant as ical-generator can write it in a named time zone. ical-generator 9 writes a plain Date with a
 * TZID using the *process's* local clock (getHours()), which is only right when the server runs in the event's
 * zone; given a Day.js-shaped object it asks that object for the zone's wall-clock time instead. This is that
 * object, backed by Intl, for the few format tokens ical-generator uses — no date library needed.
 */
import type { ICalDayJsStub } from 'ical-generator';
import { dateTimeFormat } from '#core/i18n/date-time-format.js';

function wallParts(date: Date, timeZone: string): Record<'YYYY' | 'MM' | 'DD' | 'HH' | 'mm' | 'ss', string> {
  const f = dateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { YYYY: p.year.padStart(4, '0'), MM: p.month, DD: p.day, HH: p.hour, mm: p.minute, ss: p.second };
}

/** The instant, to be written as wall-clock time in timeZone (or in UTC after `utc()`). */
export function wallClock(instant: string | Date, timeZone = 'UTC'): ICalDayJsStub {
  const date = new Date(instant);
  return {
    format: (pattern = 'YYYY-MM-DDTHH:mm:ss') => {
      const parts = wallParts(date, timeZone);
      return pattern.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => parts[token as keyof typeof parts]);
    },
    isValid: () => !Number.isNaN(date.getTime()),
    toDate: () => new Date(date),
    toJSON: () => date.toISOString(),
    tz: (zone?: string) => wallClock(date, zone ?? timeZone),
    utc: () => wallClock(date, 'UTC'),
  };
}
