/**
 * Printable conference badges as PDF: one A6 portrait page per delegate (a common badge-holder insert).
 * Pure: no I/O besides reading the font files once, no Nest; callers stream the Buffer wherever they need.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface BadgeContent {
  eventName: { zh: string; en: string; ru: string };
  nameNative: string; // in the delegate's own script: '李刚', 'Алия Нурланова', 'Aziz Karimov'
  nameLatin: string; // 'Li Gang'
  organisation: string | null; // already in the delegate's language
  country: string; // ISO 3166-1 alpha-2
  category: { zh: string; en: string; ru: string };
  qrPayload: string; // opaque token; the QR encodes exactly this string
}

export interface BadgeRenderOptions {
  /** Written as the PDF CreationDate; fix it to get byte-identical output (tests, caching). Default: now. */
  createdAt?: Date;
}

// A6 in points (pdfkit's 'A6': 105 × 148 mm). Everything below is laid out on explicit coordinates,
// so the page can never grow a second page and nothing is placed past the margins.
const PAGE_W = 297.64;
const PAGE_H = 419.53;
const MARGIN = 18; // ≈ 6 mm: clear of the badge holder's edge and of printers' unprintable border
const CONTENT_W = PAGE_W - 2 * MARGIN;
const QR_SIZE = 104; // ≈ 37 mm including the 4-module quiet zone: scans from arm's length
const BOTTOM_Y = PAGE_H - MARGIN - QR_SIZE; // top of the bottom block (QR, country, category)
const CREATOR = 'SCO Conference Back Office';

/** QR code as PNG. Exported so tests check the very bytes the badge embeds. */
export function qrPng(payload: string): Promise<Buffer> {
  // M (15 % recovery) survives a scuffed or partly covered badge without making the code denser than needed.
  // Margin 4 is the quiet zone the QR spec asks for; scale 8 px/module prints sharply at this size.
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}

export function renderBadgePdf(badge: BadgeContent, options: BadgeRenderOptions = {}): Promise<Buffer> {
  return renderBadgesPdf([badge], options);
}

/** One badge per page, for printing a batch. One document means the fonts are parsed and subset once. */
export async function renderBadgesPdf(badges: BadgeContent[], options: BadgeRenderOptions = {}): Promise<Buffer> {
  if (badges.length === 0) throw new Error('renderBadgesPdf: no badges to render');
  // QR codes first (qrcode is async); then the whole document is drawn in one synchronous pass.
  const qrs = await Promise.all(badges.map((b) => qrPng(b.qrPayload)));
  const event = clean(badges[0].eventName.en);
  const doc = new PDFDocument({
    size: 'A6',
    margin: 0,
    autoFirstPage: false,
    displayTitle: true,
    info: {
      Title: badges.length === 1 ? `${event} – badge: ${clean(badges[0].nameLatin)}` : `${event} – badges (${badges.length})`,
      Creator: CREATOR,
      CreationDate: options.createdAt ?? new Date(),
    },
  });
  const done = collect(doc);
  // Registering only names the buffers; pdfkit parses a font on first use and embeds only fonts text was drawn in.
  for (const name of Object.keys(FONT_FILES)) doc.registerFont(name, font(name));
  badges.forEach((b, i) => drawBadge(doc, b, qrs[i]));
  doc.end();
  return done;
}

function drawBadge(doc: PDFKit.PDFDocument, b: BadgeContent, qr: Buffer): void {
  doc.addPage({ size: 'A6', margin: 0 });

  // Header: the event in Chinese (host language) and English.
  let y = put(doc, fitOrShrink(doc, clean(b.eventName.zh), 'regular', CONTENT_W, 12, 7, 1), MARGIN);
  // At most 18 + one 12 pt line + two 8 pt lines + 6 ≈ 66 pt, so the middle block always has ≥ 230 pt.
  const ruleY = put(doc, fitOrShrink(doc, clean(b.eventName.en), 'regular', CONTENT_W, 8, 6, 2), y + 1) + 6;
  doc.moveTo(MARGIN, ruleY).lineTo(PAGE_W - MARGIN, ruleY).lineWidth(0.5).stroke('#888888');

  // Middle: name large, Latin form, organisation; measured first, then centred between the rule and the QR.
  const native = clean(b.nameNative);
  const latin = clean(b.nameLatin);
  // A script none of the fonts has (e.g. Arabic) would print as empty boxes: the Latin form takes the large line instead.
  const bigName = native && printable(doc, 'bold', native) ? native : latin || native;
  const blocks: Fitted[] = [fitOneLineFirst(doc, bigName, 'bold', CONTENT_W, 30, 16, 9)];
  if (latin && comparable(latin) !== comparable(bigName)) blocks.push(fitOneLineFirst(doc, latin, 'regular', CONTENT_W, 15, 10, 7, 4));
  const org = clean(b.organisation ?? '');
  if (org) blocks.push(fitOrShrink(doc, org, 'regular', CONTENT_W, 11, 7, 2, 12));
  const height = blocks.reduce((h, f) => h + f.gapBefore + f.height, 0);
  y = ruleY + Math.max(8, (BOTTOM_Y - ruleY - height) / 2);
  for (const f of blocks) y = put(doc, f, y + f.gapBefore);

  // Bottom: country code and category on the left, QR on the right.
  const colW = CONTENT_W - QR_SIZE - 10;
  y = put(doc, fitOrShrink(doc, clean(b.country).toUpperCase(), 'bold', colW, 22, 10, 1), BOTTOM_Y, 'left');
  y = put(doc, fitOneLineFirst(doc, clean(b.category.en), 'bold', colW, 14, 10, 8), y + 4, 'left');
  y = put(doc, fitOrShrink(doc, clean(b.category.zh), 'regular', colW, 12, 8, 1), y, 'left');
  const ru = fitOrShrink(doc, clean(b.category.ru), 'regular', colW, 9, 6.5, 1);
  // Russian is the third language: print it only when it fits whole and stays above the page's bottom margin.
  if (!ru.truncated && y + ru.height <= PAGE_H - MARGIN) put(doc, ru, y, 'left');
  doc.image(qr, PAGE_W - MARGIN - QR_SIZE, BOTTOM_Y, { width: QR_SIZE, height: QR_SIZE });
}

// ---------- fonts ----------

type Weight = 'regular' | 'bold';

const SC_REGULAR = 'NotoSansSC-Regular';
const SC_BOLD = 'NotoSansSC-Bold';
const SANS_REGULAR = 'NotoSans-Regular';
const SANS_BOLD = 'NotoSans-Bold';
/**
 * The fonts tried for each weight, in order of preference. Noto Sans SC first: Chinese needs it, and it has Latin
 * and basic Cyrillic too, so most texts stay in one typeface. Noto Sans has what SC lacks: the Cyrillic letters of
 * Kazakh, Kyrgyz, Tajik, Belarusian and Mongolian (Әә Ққ Ңң Өө Ұұ Үү Һһ Іі Ўў Ҷҷ Ӯӯ …), Latin Extended, Greek, Devanagari.
 */
const FAMILIES: Record<Weight, readonly string[]> = {
  regular: [SC_REGULAR, SANS_REGULAR],
  bold: [SC_BOLD, SANS_BOLD],
};
const FONT_FILES: Record<string, { pkg: string; file: string }> = {
  [SC_REGULAR]: { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  [SC_BOLD]: { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
  [SANS_REGULAR]: { pkg: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  [SANS_BOLD]: { pkg: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf' },
};
// The SC TTFs are ~10 MB each, Noto Sans ~0.6 MB: read once per process, lazily (most processes never print a badge).
const fontCache = new Map<string, Buffer>();

function font(name: string): Buffer {
  let buf = fontCache.get(name);
  if (!buf) {
    const { pkg, file } = FONT_FILES[name];
    // Resolve through the installed package rather than a path relative to this file: works from src (Jest)
    // and from dist alike, and wherever npm hoisted the package.
    const pkgDir = dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
    buf = readFileSync(join(pkgDir, file));
    fontCache.set(name, buf);
  }
  return buf;
}

/** Whether the font has a glyph for every non-space character. Leaves fontName as the document's current font. */
function covers(doc: PDFKit.PDFDocument, fontName: string, text: string): boolean {
  doc.font(fontName);
  // pdfkit keeps the fontkit font of an embedded TTF on a private field; @types/pdfkit does not declare it.
  const fk = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?(cp: number): boolean } } })._font?.font;
  if (!fk?.hasGlyphForCodePoint) return true; // cannot tell: print as given
  return [...text].every((ch) => /\s/u.test(ch) || fk.hasGlyphForCodePoint!(ch.codePointAt(0)!));
}

/** Whether every character is in some font of the family (the runs of `styled` then print it all). */
function printable(doc: PDFKit.PDFDocument, weight: Weight, text: string): boolean {
  return [...text].every((ch) => FAMILIES[weight].some((f) => covers(doc, f, ch)));
}

/** A piece of text drawn in one font. A line is a list of runs, drawn left to right on one baseline. */
interface Run {
  text: string;
  font: string;
}

/**
 * The text as runs of fonts that have its glyphs. The whole text in the first font of the family that covers it:
 * one run, the common case. Otherwise word by word (mixed scripts, e.g. Chinese with Kazakh): a word stays in the
 * font of the run before it when that covers it, else takes the first font that does, so a phrase is not patched
 * letter by letter from two typefaces; a word no font covers whole is split the same way by grapheme. What no font
 * has (e.g. Arabic) stays in the current font and prints as boxes; names avoid that with their Latin form.
 * Decided once per text, before wrapping, so every line of a text and its measuring use the same fonts.
 */
function styled(doc: PDFKit.PDFDocument, text: string, weight: Weight): Run[] {
  const fonts = FAMILIES[weight];
  const whole = fonts.find((f) => covers(doc, f, text));
  if (whole) return [{ text, font: whole }];
  const runs: Run[] = [];
  const pick = (piece: string): string | undefined => {
    const current = runs.at(-1)?.font;
    return current !== undefined && covers(doc, current, piece) ? current : fonts.find((f) => covers(doc, f, piece));
  };
  for (const { segment } of WORDS.segment(text)) {
    const f = pick(segment);
    if (f) append(runs, segment, f);
    else for (const g of graphemes(segment)) append(runs, g, pick(g) ?? runs.at(-1)?.font ?? fonts[0]);
  }
  return runs;
}

function append(runs: Run[], text: string, font: string): void {
  const last = runs.at(-1);
  if (last?.font === font) last.text += text;
  else runs.push({ text, font });
}

/** The runs cut to the UTF-16 range [start, end) of their joined text. */
function sliceRuns(runs: Run[], start: number, end: number): Run[] {
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

/** Width at the current font size, each run in its own font: what `put` will draw. */
function widthOf(doc: PDFKit.PDFDocument, runs: Run[]): number {
  return runs.reduce((w, r) => w + doc.font(r.font).widthOfString(r.text), 0);
}

// ---------- text fitting ----------

interface Fitted {
  size: number;
  lines: Run[][];
  ascent: number; // line top to baseline: the tallest font used, so mixed runs share one baseline
  lineHeight: number;
  height: number;
  truncated: boolean;
  gapBefore: number;
}

/** One line from max down to floor (a name reads best unbroken); only text too long for that takes two lines. */
function fitOneLineFirst(
  doc: PDFKit.PDFDocument, text: string, weight: Weight, width: number,
  max: number, floor: number, min: number, gapBefore = 0,
): Fitted {
  const oneLine = fitOrShrink(doc, text, weight, width, max, floor, 1, gapBefore);
  return oneLine.truncated ? fitOrShrink(doc, text, weight, width, floor, min, 2, gapBefore) : oneLine;
}

/**
 * The largest size in [min, max] (0.5 pt steps) at which the text wraps into at most maxLines lines of width;
 * if even min does not do, min size with the last line cut and ended with '…'. Never wider than width.
 */
function fitOrShrink(
  doc: PDFKit.PDFDocument, text: string, weight: Weight, width: number,
  max: number, min: number, maxLines: number, gapBefore = 0,
): Fitted {
  const runs = styled(doc, text, weight);
  let size = max;
  let spans: Span[] = [];
  for (; size >= min; size -= 0.5) {
    doc.fontSize(size);
    spans = wrap(doc, text, runs, width);
    if (spans.length <= maxLines) break;
  }
  const truncated = spans.length > maxLines;
  let lines = spans.map(([a, b]) => sliceRuns(runs, a, b));
  if (truncated) {
    size = min;
    doc.fontSize(size);
    lines = lines.slice(0, maxLines);
    lines[maxLines - 1] = ellipsize(doc, lines[maxLines - 1], width, weight);
  }
  const used = new Set(lines.flat().map((r) => r.font));
  if (used.size === 0) used.add(FAMILIES[weight][0]);
  let ascent = 0;
  let lineHeight = 0;
  for (const f of used) {
    doc.font(f).fontSize(size);
    ascent = Math.max(ascent, (fontMetrics(doc).ascender / 1000) * size);
    lineHeight = Math.max(lineHeight, doc.currentLineHeight());
  }
  return { size, lines, ascent, lineHeight, height: lines.length * lineHeight, truncated, gapBefore };
}

/** The current font's ascender (1/1000 em); pdfkit has it on the font object, which @types/pdfkit does not declare. */
function fontMetrics(doc: PDFKit.PDFDocument): { ascender: number } {
  return (doc as unknown as { _font: { ascender: number } })._font;
}

/** A line as the UTF-16 range [start, end) of the text it was wrapped from. */
type Span = [number, number];

/**
 * Greedy wrap at word boundaries (ICU segments Chinese into words too); a word wider than a line is split.
 * Widths are measured on the text's runs, so each piece in the font it will be drawn in.
 */
function wrap(doc: PDFKit.PDFDocument, text: string, runs: Run[], width: number): Span[] {
  const w = (a: number, b: number): number => widthOf(doc, sliceRuns(runs, a, b));
  const lines: Span[] = [];
  const push = (a: number, b: number): void => {
    while (b > a && /\s/u.test(text[b - 1])) b--; // trimEnd
    if (b > a) lines.push([a, b]);
  };
  let start = 0;
  let end = 0;
  for (const { segment, index } of WORDS.segment(text)) {
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
      if (g.length < 2) break; // a single glyph wider than the line: cannot happen at badge sizes, but never loop
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
function ellipsize(doc: PDFKit.PDFDocument, line: Run[], width: number, weight: Weight): Run[] {
  const text = line.map((r) => r.text).join('');
  const cuts = [...graphemeStarts(text), text.length];
  for (let n = cuts.length - 1; ; n--) {
    const end = text.slice(0, cuts[n]).trimEnd().length;
    const cut = sliceRuns(line, 0, end);
    const last = cut.at(-1);
    const ellipsisFont = last && covers(doc, last.font, '…') ? last.font : styled(doc, '…', weight)[0].font;
    append(cut, '…', ellipsisFont);
    if (n === 0 || widthOf(doc, cut) <= width) return cut;
  }
}

/** Draws the lines centred (or left-aligned) from y; returns the y below them. */
function put(doc: PDFKit.PDFDocument, f: Fitted, y: number, align: 'center' | 'left' = 'center'): number {
  doc.fillColor('#000000');
  for (const line of f.lines) {
    doc.fontSize(f.size);
    let x = align === 'center' ? (PAGE_W - widthOf(doc, line)) / 2 : MARGIN;
    // Runs one after another on a shared baseline, each advanced by its measured width (what pdfkit's
    // `continued` would do, but explicit: a font switch cannot move the baseline or the position).
    // lineBreak: false: we wrapped already; pdfkit's own wrapper could add pages near the bottom edge.
    for (const run of line) {
      doc.font(run.font).text(run.text, x, y + f.ascent, { lineBreak: false, baseline: 'alphabetic' });
      x += doc.widthOfString(run.text);
    }
    y += f.lineHeight;
  }
  return y;
}

// ---------- small helpers ----------

/** Collapses whitespace (a newline in a name would otherwise start an unplanned line) and normalises to NFC. */
function clean(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A Latin form differing from the name only in case or accents adds nothing beneath it. */
function comparable(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

// A fixed locale keeps line breaks independent of the server's; ICU breaks CJK by dictionary in any locale.
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters, so a cut never separates a letter from its combining accent. */
function graphemes(s: string): string[] {
  return [...GRAPHEMES.segment(s)].map((x) => x.segment);
}

/** The UTF-16 offset at which each grapheme of s starts. */
function graphemeStarts(s: string): number[] {
  return [...GRAPHEMES.segment(s)].map((x) => x.index);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
