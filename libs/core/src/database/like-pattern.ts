/** A `%…%` ILIKE pattern that matches the text literally (its own % and _ escaped). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
