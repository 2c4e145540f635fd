import type { Language } from './language.js';

/**
 * Each language's quotation marks: the outer pair a title is put in, and the pair quotes inside it become.
 * Russian nests «ёлочки» and „лапки“ (a title «Форум «Цифровой Шёлковый путь»» is wrong; «Форум „Цифровой
 * Шёлковый путь“» is right); English “…” and ‘…’; Chinese titles here have always been in “…” (the marks of the
 * session-title messages and the agenda's release line), with ‘…’ inside.
 */
const MARKS: Record<Language, { open: string; close: string; innerOpen: string; innerClose: string; nested: RegExp }> = {
  ru: { open: '«', close: '»', innerOpen: '„', innerClose: '“', nested: /[«»]/g },
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’', nested: /[“”]/g },
  zh: { open: '“', close: '”', innerOpen: '‘', innerClose: '’', nested: /[“”]/g },
};

/** The outer marks of the language, for code that must recognise a quoted title (the message templates). */
export function titleMarks(language: Language): { open: string; close: string } {
  const { open, close } = MARKS[language];
  return { open, close };
}

/**
 * The title's own quotation marks, turned into the language's inner pair: what goes between the outer marks.
 * Only the marks the outer pair uses change; others (a Russian title with „…“ already, English 'straight' quotes)
 * are kept as typed.
 */
export function nestQuotes(language: Language, title: string): string {
  const { open, innerOpen, innerClose, nested } = MARKS[language];
  // Opening and closing marks look the same in English and Chinese (“ and ” differ, but are often typed wrong),
  // so nesting is counted: marks alternate open, close as they come.
  let depth = 0;
  return title.replace(nested, (mark) => {
    const opens = open === '«' ? mark === '«' : depth % 2 === 0;
    depth += opens ? 1 : -1;
    return opens ? innerOpen : innerClose;
  });
}

/** The title in the language's quotation marks, its own quotes nested: ru «Форум „Шёлковый путь“», en “…”, zh “…”. */
export function quoteTitle(language: Language, title: string): string {
  const { open, close } = MARKS[language];
  return `${open}${nestQuotes(language, title)}${close}`;
}
