import { dateTimeFormat } from '#core/i18n/date-time-format.js';
import type { Language } from '#core/i18n/language.js';

/** The locale each reader's language is written in (the same ones the messages and agendas use). */
export const READER_LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as a reader of that language writes it, with its currency: 500 000 000,00 CN¥ in Russian,
 * ¥500,000,000.00 in Chinese. The decimal string is formatted as it is (Intl takes strings exactly), so an
 * amount of 18 digits loses nothing to a JavaScript number.
 */
export function formatMoney(amount: string, currency: string, language: Language): string {
  const key = `${language}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(READER_LOCALES[language], { style: 'currency', currency })));
  return format.format(amount as Intl.StringNumericLiteral);
}

/** A date and time as a reader of that language writes it, in the event's own time zone. */
export function formatWhen(instant: Date, timeZone: string, language: Language): string {
  return dateTimeFormat(READER_LOCALES[language], { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(instant);
}

/**
 * The instant as ISO 8601 local time with the zone's offset, e.g. 2025-07-18T11:58:00+08:00: what a clock in the
 * event's city showed, still one unambiguous instant for a program reading it.
 */
export function localIso(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  // 'GMT+08:00', or plain 'GMT' for a zone at UTC.
  const offset = parts.timeZoneName.replace(/^GMT/, '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
