import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

// Times of an edition are the event's own (Asia/Shanghai for Qingdao), whatever the reader's clock says.
dayjs.extend(utc);
dayjs.extend(timezone);

/** An instant as a dayjs in the event's time zone (for computing slots and days). */
export function inEventZone(instant: string | Date, timeZone: string): dayjs.Dayjs {
  return dayjs(instant).tz(timeZone);
}

const LOCALES: Record<string, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/** Date and time in the reader's language, in the event's time zone. */
export function formatEventTime(instant: string | Date, timeZone: string, language: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? language, { ...options, timeZone }).format(new Date(instant));
}

/** A calendar day (YYYY-MM-DD, a day of the event) in the reader's language. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** The time zone's name in the reader's language, with its IANA id (e.g. "China Standard Time (Asia/Shanghai)"). */
export function zoneName(timeZone: string, language: string): string {
  const parts = new Intl.DateTimeFormat(LOCALES[language] ?? language, { timeZone, timeZoneName: 'long' }).formatToParts(new Date());
  const name = parts.find((part) => part.type === 'timeZoneName')?.value;
  return name ? `${name} (${timeZone})` : timeZone;
}

export { dayjs };
