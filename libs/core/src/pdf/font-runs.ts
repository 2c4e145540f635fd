/**
 * Text in several scripts drawn with pdfkit: a string is cut into runs, each in a font that has its glyphs
 * (Chinese in Noto Sans SC, Kazakh letters in Noto Sans, …), and a line of runs is drawn on one baseline.
 * pdfkit itself draws a string in one font only and prints missing glyphs as empty boxes.
 */
import { hasRightToLeft, visualRuns } from './bidi-runs.js';
import { FAMILIES, type Weight } from './noto-fonts.js';

/** A piece of text drawn in one font. A line is a list of runs, drawn left to right on one baseline. */
export interface Run {
  text: string;
  font: string;
}

// A fixed locale keeps line breaks independent of the server's; ICU breaks CJK by dictionary in any locale.
export const WORD_SEGMENTS = new Intl.Segmenter('en', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters, so a cut never separates a letter from its combining accent. */
export function graphemes(s: string): string[] {
  return [...GRAPHEMES.segment(s)].map((x) => x.segment);
}

/** The UTF-16 offset at which each grapheme of s starts. */
export function graphemeStarts(s: string): number[] {
  return [...GRAPHEMES.segment(s)].map((x) => x.index);
}

/** Collapses whitespace (a newline in a name would otherwise start an unplanned line) and normalises to NFC. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Whether the font has a glyph for every non-space character. Leaves fontName as the document's current font. */
export function covers(doc: PDFKit.PDFDocument, fontName: string, text: string): boolean {
  doc.font(fontName);
  // pdfkit keeps the fontkit font of an embedded TTF on a private field; @types/pdfkit does not declare it.
  const fk = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font?.font;
  if (!fk?.hasGlyphForCodePoint) return true; // cannot tell: print as given
  return [...text].every((ch) => /\s/u.test(ch) || fk.hasGlyphForCodePoint!(ch.codePointAt(0)!));
}

/** Whether every character is in some font of the family (the runs of `styled` then print it all). */
export function printable(doc: PDFKit.PDFDocument, weight: Weight, text: string): boolean {
  return [...text].every((ch) => FAMILIES[weight].some((f) => covers(doc, f, ch)));
}

/**
 * The text as runs of fonts that have its glyphs. The whole text in the first font of the family that covers it:
 * one run, the common case. Otherwise word by word (mixed scripts, e.g. Chinese with Kazakh): a word stays in the
 * font of the run before it when that covers it, else takes the first font that does, so a phrase is not patched
 * letter by letter from two typefaces; a word no font covers whole is split the same way by grapheme. What no font
 * has (e.g. Arabic) stays in the current font and prints as boxes. `fonts` is the order to try (default FAMILIES).
 * Decide once per text, before wrapping, so every line of a text and its measuring use the same fonts.
 */
export function styled(doc: PDFKit.PDFDocument, text: string, weight: Weight, fonts: readonly string[] = FAMILIES[weight]): Run[] {
  const whole = fonts.find((f) => covers(doc, f, text));
  if (whole) return [{ text, font: whole }];
  const runs: Run[] = [];
  const pick = (piece: string): string | undefined => {
    const current = runs.at(-1)?.font;
    return current !== undefined && covers(doc, current, piece) ? current : fonts.find((f) => covers(doc, f, piece));
  };
  for (const { segment } of WORD_SEGMENTS.segment(text)) {
    const f = pick(segment);
    if (f) appendRun(runs, segment, f);
    else for (const g of graphemes(segment)) appendRun(runs, g, pick(g) ?? runs.at(-1)?.font ?? fonts[0]);
  }
  return runs;
}

/** Adds text at the end, to the last run when it is in the same font. */
export function appendRun(runs: Run[], text: string, font: string): void {
  const last = runs.at(-1);
  if (last?.font === font) last.text += text;
  else runs.push({ text, font });
}

/** The runs cut to the UTF-16 range [start, end) of their joined text. */
export function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const r of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + r.text.length);
    if (from < to) out.push({ text: r.text.slice(from - at, to - at), font: r.font });
    at += r.text.length;
  }
  return out;
}

/** Width at the current font size, each run in its own font: what `drawRuns` will draw. */
export function widthOf(doc: PDFKit.PDFDocument, runs: Run[]): number {
  return runs.reduce((w, r) => w + doc.font(r.font).widthOfString(r.text), 0);
}

/**
 * The ascent (line top to baseline) and line height of a line set in these fonts at this size: the tallest font
 * decides, so mixed runs share one baseline and lines do not collide.
 */
export function lineMetrics(doc: PDFKit.PDFDocument, fonts: Iterable<string>, size: number): { ascent: number; lineHeight: number } {
  let ascent = 0;
  let lineHeight = 0;
  for (const f of fonts) {
    doc.font(f).fontSize(size);
    // pdfkit has the ascender (1/1000 em) on its font object, which @types/pdfkit does not declare.
    const ascender = (doc as unknown as { _font: { ascender: number } })._font.ascender;
    ascent = Math.max(ascent, (ascender / 1000) * size);
    lineHeight = Math.max(lineHeight, doc.currentLineHeight());
  }
  return { ascent, lineHeight };
}

/**
 * Scripts whose glyphs, once shaped, do not read back as the text: Indic and Khmer vowel signs drawn before the
 * consonant they follow (कि is drawn ि then क, so a reader that follows the glyphs extracts "िक"), and Arabic, whose
 * fonts build letters from shared dotless bodies plus dots (ج ح خ share one glyph, so the font's ToUnicode map can
 * name only one of them) and which is drawn in visual order.
 */
const REORDERED_SCRIPTS = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Draws one line of runs from x on the given baseline, at the current font size and colour; returns the x after it.
 * Runs one after another, each advanced by its measured width (what pdfkit's `continued` would do, but explicit:
 * a font switch cannot move the baseline or the position). lineBreak: false: the caller wrapped already, and
 * pdfkit's own wrapper could add pages near the bottom edge.
 *
 * Right-to-left pieces are put in visual order first (bidi-runs.ts). Text in a script of REORDERED_SCRIPTS is
 * wrapped in a Span with /ActualText, the text in reading order (PDF 32000-1 §14.9.4), which is what copy, search
 * and text extraction take instead of the glyphs: per run in a left-to-right line, and for the whole line when it
 * has right-to-left text (its pieces are drawn in visual order, so only the line as a whole reads in order).
 */
export function drawRuns(doc: PDFKit.PDFDocument, runs: Run[], x: number, baseline: number): number {
  const line = runs.map((r) => r.text).join('');
  const wholeLine = hasRightToLeft(line);
  if (wholeLine) doc.markContent('Span', { actual: line });
  for (const run of visualRuns(runs)) {
    const actual = !wholeLine && REORDERED_SCRIPTS.test(run.logical);
    if (actual) doc.markContent('Span', { actual: run.logical });
    doc.font(run.font).text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
    if (actual) doc.endMarkedContent();
    x += doc.widthOfString(run.text);
  }
  if (wholeLine) doc.endMarkedContent();
  return x;
}
