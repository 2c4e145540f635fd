import { AppError } from '../errors/app-error.js';
import { isLanguage, type Language, LANGUAGES } from './language.js';

export interface LanguageInputs {
  /** `?lang=` */
  query?: unknown;
  /** The Accept-Language header. */
  acceptLanguage?: string | string[];
  /** The event's default language, else the product's. */
  fallback: Language;
}

/** Parses Accept-Language (RFC 9110 §12.5.4) into primary tags ordered by weight. */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag.split('-')[0]);
}

/**
 * `?lang=` first, then Accept-Language, then the event's default. A `?lang=` the product does not speak is refused
 * (400 UNSUPPORTED_LANGUAGE, listing the three it does): asked for explicitly, a language is not silently swapped
 * for another. A regional tag (`ru-RU`) is its language; an empty `?lang=` counts as none; Accept-Language is a preference, so an unknown one falls through.
 */
export function negotiateLanguage(inputs: LanguageInputs): Language {
  const query = typeof inputs.query === 'string' ? inputs.query.trim().toLowerCase() : undefined;
  // A regional tag names its language as Accept-Language's do: zh-CN is Chinese.
  const primary = query?.split(/[-_]/)[0];
  if (isLanguage(primary)) return primary;
  if (query) {
    throw new AppError(400, 'UNSUPPORTED_LANGUAGE', `The language "${query}" is not offered; ask for one of ${LANGUAGES.join(', ')}`, {
      lang: query,
      supported: LANGUAGES,
    });
  }
  const header = Array.isArray(inputs.acceptLanguage) ? inputs.acceptLanguage.join(',') : inputs.acceptLanguage;
  if (header) {
    const match = parseAcceptLanguage(header).find(isLanguage);
    if (match) return match;
  }
  return inputs.fallback;
}
