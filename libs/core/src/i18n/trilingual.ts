import { type Language, LANGUAGES } from './language.js';

/** A text in Chinese, English and Russian, stored as one jsonb value. A missing language is absent or empty. */
export type Trilingual = Partial<Record<Language, string>>;

/**
 * The fallback rule, made explicit: the language asked for, then the event's
 * default, then English (the conference's working lingua franca), then Chinese
 * (the host's language), then Russian (the SCO's other official language).
 */
export function fallbackOrder(requested: Language, eventDefault?: Language): Language[] {
  const order: Language[] = [requested];
  for (const language of [eventDefault, 'en', 'zh', 'ru'] as const) {
    if (language && !order.includes(language)) order.push(language);
  }
  return order;
}

export interface RenderedText {
  text: string;
  /** The language the text is actually in; differs from the one asked for when it fell back. */
  language: Language;
  fellBack: boolean;
}

function present(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Renders a trilingual value in one language, following the fallback rule. */
export function renderText(
  value: Trilingual | null | undefined,
  requested: Language,
  eventDefault?: Language,
): RenderedText | undefined {
  if (!value) return undefined;
  for (const language of fallbackOrder(requested, eventDefault)) {
    const text = value[language];
    if (present(text)) return { text, language, fellBack: language !== requested };
  }
  return undefined;
}

/** The languages a value still lacks: how incomplete translations are reported. */
export function missingLanguages(value: Trilingual | null | undefined): Language[] {
  return LANGUAGES.filter((language) => !present(value?.[language]));
}

export function isComplete(value: Trilingual | null | undefined): boolean {
  return missingLanguages(value).length === 0;
}
