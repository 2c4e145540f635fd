/** Line breaking for text cut into font runs (see font-runs.ts): measured in the fonts it will be drawn in. */
import { appendRun, covers, graphemeStarts, type Run, sliceRuns, styled, widthOf, WORD_SEGMENTS } from './font-runs.js';
import type { Weight } from './noto-fonts.js';

/** A line as the UTF-16 range [start, end) of the text it was wrapped from. */
export type Span = [number, number];

/**
 * Greedy wrap at word boundaries (ICU segments Chinese into words too); a word wider than a line is split
 * between graphemes. Widths are measured on the text's runs, at the document's current font size.
 */
export function wrap(doc: PDFKit.PDFDocument, text: string, runs: Run[], width: number): Span[] {
  const w = (a: number, b: number): number => widthOf(doc, sliceRuns(runs, a, b));
  const lines: Span[] = [];
  const push = (a: number, b: number): void => {
    while (b > a && /\s/u.test(text[b - 1])) b--; // trimEnd
    if (b > a) lines.push([a, b]);
  };
  let start = 0;
  let end = 0;
  for (const { segment, index } of WORD_SEGMENTS.segment(text)) {
    const segEnd = index + segment.length;
    if (w(start, segEnd) <= width) {
      end = segEnd;
      continue;
    }
    push(start, end);
    start = index;
    while (start < segEnd && /\s/u.test(text[start])) start++; // trimStart
    end = segEnd;
    while (w(start, end) > width) {
      const g = graphemeStarts(text.slice(start, end));
      if (g.length < 2) break; // a single glyph wider than the line: never loop
      let n = g.length - 1;
      while (n > 1 && w(start, start + g[n]) > width) n--;
      lines.push([start, start + g[n]]);
      start += g[n];
    }
  }
  push(start, end);
  return lines;
}

/** The line, cut at a grapheme boundary, ended with '…' (always: the caller knows text was dropped). */
export function ellipsize(doc: PDFKit.PDFDocument, line: Run[], width: number, weight: Weight): Run[] {
  const text = line.map((r) => r.text).join('');
  const cuts = [...graphemeStarts(text), text.length];
  for (let n = cuts.length - 1; ; n--) {
    const end = text.slice(0, cuts[n]).trimEnd().length;
    const cut = sliceRuns(line, 0, end);
    const last = cut.at(-1);
    const ellipsisFont = last && covers(doc, last.font, '…') ? last.font : styled(doc, '…', weight)[0].font;
    appendRun(cut, '…', ellipsisFont);
    if (n === 0 || widthOf(doc, cut) <= width) return cut;
  }
}
