import type { Language } from '../i18n/languages';
import { LANGUAGES } from '../i18n/languages';

export type Trilingual = Partial<Record<Language, string>>;

/** A trilingual value in the reader's language, else in the first language it has (the record's own words). */
export function pickText(value: Trilingual | null | undefined, language: string): string {
  if (!value) return '';
  return value[language as Language] || LANGUAGES.map((other) => value[other]).find(Boolean) || '';
}

export function missingLanguages(value: Trilingual | null | undefined): Language[] {
  return LANGUAGES.filter((language) => !value?.[language]?.trim());
}
