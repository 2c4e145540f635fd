import { dateTimeFormat } from '#core/i18n/date-time-format.js';
import type { Language } from '#core/i18n/language.js';

const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/** A date and time as a reader of that language writes it, in the event's own time zone. */
export function formatInstant(instant: Date, timeZone: string, language: Language): string {
  return dateTimeFormat(LOCALES[language], { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(instant);
}
