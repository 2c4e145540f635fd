/**
 * "a" or "an" for the English word that follows, by its first letter: every word our messages put after an
 * article (agreement, unveiling, initiative, alliance, settlement, announcement, planned, ready, signed…) is
 * pronounced as it is spelt, so the letter decides ("an unveiling", "a settlement").
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** The word with its article: "an agreement", "a settlement". */
export function withArticle(word: string, capitalised = false): string {
  const article = indefiniteArticle(word);
  return `${capitalised ? article[0].toUpperCase() + article.slice(1) : article} ${word}`;
}
