/**
 * Printable conference badges as PDF: one A6 portrait page per delegate (a common badge-holder insert).
 * Pure: no I/O besides reading the font files once, no Nest; callers stream the Buffer wherever they need.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { clean, drawRuns, lineMetrics, printable, type Run, sliceRuns, styled, widthOf } from '#core/pdf/font-runs.js';
import { FAMILIES, registerNotoFonts, type Weight } from '#core/pdf/noto-fonts.js';
import { pdfBuffer } from '#core/pdf/pdf-buffer.js';
import { ellipsize, type Span, wrap } from '#core/pdf/wrap-runs.js';

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
  const done = pdfBuffer(doc);
  registerNotoFonts(doc);
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
  const { ascent, lineHeight } = lineMetrics(doc, used, size);
  return { size, lines, ascent, lineHeight, height: lines.length * lineHeight, truncated, gapBefore };
}

/** Draws the lines centred (or left-aligned) from y; returns the y below them. */
function put(doc: PDFKit.PDFDocument, f: Fitted, y: number, align: 'center' | 'left' = 'center'): number {
  doc.fillColor('#000000');
  for (const line of f.lines) {
    doc.fontSize(f.size);
    const x = align === 'center' ? (PAGE_W - widthOf(doc, line)) / 2 : MARGIN;
    drawRuns(doc, line, x, y + f.ascent);
    y += f.lineHeight;
  }
  return y;
}

// ---------- small helpers ----------

/** A Latin form differing from the name only in case or accents adds nothing beneath it. */
function comparable(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
