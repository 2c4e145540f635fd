const LOCALES: Record<string, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/**
 * The edition's days ("18–19 July 2025", "2025年7月18日至19日") in the reader's language. They are calendar days of
 * the event, not instants: formatted as UTC dates, so no browser zone can move them.
 */
export function editionDays(firstDay: string, lastDay: string, language: string): string {
  const day = (value: string) => {
    const [year, month, date] = value.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, date));
  };
  const format = new Intl.DateTimeFormat(LOCALES[language] ?? language, { dateStyle: 'long', timeZone: 'UTC' });
  return firstDay === lastDay ? format.format(day(firstDay)) : format.formatRange(day(firstDay), day(lastDay));
}
