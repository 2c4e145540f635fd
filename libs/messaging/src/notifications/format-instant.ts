import { dateTimeFormat } from '#core/i18n/date-time-format.js';
import type { Language } from '#core/i18n/language.js';

const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

function zonePart(instant: Date, timeZone: string, locale: string, style: 'long' | 'longOffset'): string {
  return dateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * A date and time as a reader of that language writes it, in the event's own time zone, naming the zone and its
 * UTC offset ("17 July 2027 at 10:00 (UTC+08:00, China Standard Time)"): a delegate reading the message at home in
 * Tashkent or Moscow must not take 10:00 for their own clock. The offset is the one in force at that instant.
 */
export function formatInstant(instant: Date, timeZone: string, language: Language): string {
  const locale = LOCALES[language];
  const when = dateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(instant);
  // Intl writes 'GMT+08:00' (and 'GMT' alone for UTC); the messages say UTC, as the agendas do.
  const offset = zonePart(instant, timeZone, locale, 'longOffset').replace(/^GMT/, 'UTC').replace(/^UTC$/, 'UTC+00:00');
  const name = zonePart(instant, timeZone, locale, 'long');
  return language === 'zh' ? `${when}（${offset}，${name}）` : `${when} (${offset}, ${name})`;
}
