/**
 * Right-to-left text (Arabic script: Urdu, Persian, Arabic names) in lines of runs that pdfkit draws left to right.
 *
 * The parts pdfkit and fontkit already do: fontkit shapes an Arabic string (joining forms, lam-alef and the other
 * ligatures, marks) and, because Arabic is a right-to-left script, returns its glyphs in visual order; so a run that
 * is wholly Arabic is drawn right. What neither does is the Unicode bidirectional algorithm across a line: the order
 * of runs (an Arabic name with a Latin part or digits), digits inside Arabic (which fontkit would reverse with the
 * letters), and mirrored brackets. bidi-js (UAX #9) gives the embedding levels; the line is cut where the level or
 * the font changes (and, in right-to-left text, at spaces) and the pieces are put in visual order (rule L2), so each
 * piece handed to pdfkit is either left-to-right, or one right-to-left word in a script fontkit reverses itself.
 */
import bidiFactory from 'bidi-js';
import type { Run } from './font-runs.js';

const bidi = bidiFactory();
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const reversed = (s: string) => [...GRAPHEMES.segment(s)].map((g) => g.segment).reverse().join('');

/** Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and Arabic presentation forms). */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|[\u{10800}-\u{10fff}]|[\u{1e800}-\u{1efff}]/u;

/** A piece of a line drawn as one string: its logical text (for ActualText) and what is handed to pdfkit. */
export interface VisualRun extends Run {
  /** The text in reading order, as the person typed it: text a reader should extract for this piece. */
  logical: string;
}

export function hasRightToLeft(text: string): boolean {
  return RTL_CHAR.test(text);
}

/**
 * A line of runs (in logical order) as the pieces to draw left to right. A line without right-to-left characters
 * comes back as it was (every line of Chinese, Latin, Cyrillic, Devanagari, Khmer).
 */
export function visualRuns(runs: Run[]): VisualRun[] {
  const text = runs.map((r) => r.text).join('');
  if (!hasRightToLeft(text)) return runs.map((r) => ({ ...r, logical: r.text }));
  // The paragraph's direction from its first strong character (rules P2–P3): an Arabic name is right-to-left.
  const embedding = bidi.getEmbeddingLevels(text);
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  const pieces: { logical: string; font: string; level: number; start: number }[] = [];
  let at = 0;
  for (const run of runs) {
    for (let i = 0; i < run.text.length; i++, at++) {
      const last = pieces.at(-1);
      // A surrogate pair's second half stays with its first, whatever level bidi-js gave it. Right-to-left text is
      // also cut at spaces: pdfkit lays a string out word by word and puts the words left to right in the order
      // given, so the words of a right-to-left piece must be separate pieces for rule L2 to reverse.
      const lowSurrogate = /[\udc00-\udfff]/.test(run.text[i]);
      // Brackets are cut out too, so they are mirrored here rather than left to the font (not every font has rtlm).
      const apart = (k: number) => text[k] === ' ' || mirrored.has(k);
      const wordBreak = levels[at] % 2 === 1 && (apart(at) || apart(at - 1));
      if (last && i > 0 && (lowSurrogate || (last.level === levels[at] && !wordBreak))) last.logical += run.text[i];
      else pieces.push({ logical: run.text[i], font: run.font, level: levels[at], start: at });
    }
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of pieces at that level or above.
  const highest = Math.max(...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => p.level).filter((l) => l % 2 === 1));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < pieces.length; i++) {
      if (pieces[i].level < level) continue;
      let j = i;
      while (j + 1 < pieces.length && pieces[j + 1].level >= level) j++;
      pieces.splice(i, j - i + 1, ...pieces.slice(i, j + 1).reverse());
      i = j;
    }
  }
  // fontkit reverses the glyphs of a string in a right-to-left script itself (so a wholly Arabic piece is drawn as
  // given), and of no other. A piece is reversed here when that is not what its level asks: a right-to-left piece
  // of neutrals only (a space, a bracket between runs), or a left-to-right one in Arabic script (Persian and Urdu
  // digits ۰–۹ are Arabic script, and fontkit would print ۲۰۲۶ as ۶۲۰۲). Brackets in right-to-left text face the
  // other way (rule L4); they are pieces of their own (above), which fontkit sets left to right, so they are mirrored
  // here.
  return pieces.map(({ logical, font, level, start }) => {
    const rtl = level % 2 === 1;
    const fontkitReverses = hasRightToLeft(logical);
    const text = rtl && !fontkitReverses ? logical.split('').map((ch, i) => mirrored.get(start + i) ?? ch).join('') : logical;
    return { font, logical, text: rtl !== fontkitReverses ? reversed(text) : text };
  });
}
