const NAMES: Record<string, string> = { zh: 'zh-CN', en: 'en-GB', ru: 'ru-RU' };

/** "Kazakhstan (KZ)" in the reader's language, from the ISO 3166-1 alpha-2 code the api stores. */
export function countryName(code: string | null | undefined, language: string): string {
  if (!code) return '';
  try {
    const name = new Intl.DisplayNames([NAMES[language] ?? language], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
