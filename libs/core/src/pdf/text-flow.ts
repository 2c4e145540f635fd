/**
 * Running text for multi-page PDFs (agendas, the outcomes list): paragraphs wrapped into lines of font runs,
 * measured before they are drawn, and a flow that moves to a new page when the next line or block does not fit.
 * Everything is placed on explicit coordinates, so pdfkit never adds a page on its own.
 */
import { clean, drawRuns, lineMetrics, type Run, sliceRuns, styled } from './font-runs.js';
import { FAMILIES, type Weight } from './noto-fonts.js';
import { ellipsize, wrap } from './wrap-runs.js';

export interface TextStyle {
  weight: Weight;
  size: number;
  colour?: string;
  /** The fonts to try, in order (see familiesFor); default FAMILIES. */
  families?: Record<Weight, readonly string[]>;
}

/** One laid-out line: where it starts, how tall it is, what it draws. */
export interface Line {
  runs: Run[];
  x: number;
  size: number;
  colour: string;
  /** Line top to baseline. */
  ascent: number;
  height: number;
  /** A small square of this colour before the line (a track's colour). */
  marker?: string;
}

/**
 * The text wrapped to width from x, in as many lines as it takes (at most maxLines, the last then ended with '…').
 * Whitespace is collapsed: a paragraph is one paragraph. Empty text gives no lines.
 */
export function paragraph(doc: PDFKit.PDFDocument, text: string, style: TextStyle, x: number, width: number, maxLines = Infinity): Line[] {
  const t = clean(text);
  if (!t) return [];
  const fonts = (style.families ?? FAMILIES)[style.weight];
  const runs = styled(doc, t, style.weight, fonts);
  doc.fontSize(style.size);
  let lines = wrap(doc, t, runs, width).map(([a, b]) => sliceRuns(runs, a, b));
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    doc.fontSize(style.size);
    lines[maxLines - 1] = ellipsize(doc, lines[maxLines - 1], width, style.weight);
  }
  return lines.map((line) => {
    const used = new Set(line.map((r) => r.font));
    if (used.size === 0) used.add(fonts[0]);
    const { ascent, lineHeight } = lineMetrics(doc, used, style.size);
    return { runs: line, x, size: style.size, colour: style.colour ?? '#000000', ascent, height: lineHeight };
  });
}

/** The styles set with one font order (see familiesFor): a document in one language uses one. */
export function withFamilies<K extends string>(styles: Record<K, TextStyle>, families: Record<Weight, readonly string[]>): Record<K, TextStyle> {
  return Object.fromEntries(Object.entries<TextStyle>(styles).map(([k, v]) => [k, { ...v, families }])) as Record<K, TextStyle>;
}

export function heightOf(lines: Line[]): number {
  return lines.reduce((h, l) => h + l.height, 0);
}

const MARKER_SIZE = 0.62; // of the font size: about the height of a capital letter

/** Draws one line with its top at y. */
export function drawLine(doc: PDFKit.PDFDocument, line: Line, y: number): void {
  if (line.marker) {
    const side = line.size * MARKER_SIZE;
    doc.rect(line.x - side - 3, y + line.ascent - side, side, side).fill(line.marker);
  }
  doc.fillColor(line.colour).fontSize(line.size);
  drawRuns(doc, line.runs, line.x, y + line.ascent);
}

/** Draws the lines one below the other from y; returns the y below them. */
export function drawLines(doc: PDFKit.PDFDocument, lines: Line[], y: number): number {
  for (const line of lines) {
    drawLine(doc, line, y);
    y += line.height;
  }
  return y;
}

/** The vertical position on the current page, between a top and a bottom that are the same on every page. */
export class TextFlow {
  y: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly area: { top: number; bottom: number },
    private readonly addPage: () => void,
  ) {
    this.y = area.top;
  }

  /** The height a block can have and still fit one page. */
  get pageHeight(): number {
    return this.area.bottom - this.area.top;
  }

  newPage(): void {
    this.addPage();
    this.y = this.area.top;
  }

  /** A new page unless height fits below y (or y is the top already: a new page would not make room). */
  ensure(height: number): void {
    if (this.y + height > this.area.bottom && this.y > this.area.top) this.newPage();
  }

  skip(height: number): void {
    this.y = Math.min(this.y + height, this.area.bottom);
  }

  /** Draws the lines, each on this page if it fits, else on the next. */
  write(lines: Line[]): void {
    for (const line of lines) {
      this.ensure(line.height);
      drawLine(this.doc, line, this.y);
      this.y += line.height;
    }
  }
}
