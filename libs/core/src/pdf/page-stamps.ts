/**
 * What every page of a long printed document repeats: a running header (whose document it is, in case pages are
 * separated) and a footer with the page number out of the total. The total is known only at the end, so the
 * document is made with `bufferPages: true` and stamped just before `doc.end()`.
 */
import { widthOf } from './font-runs.js';
import { FAMILIES, type Weight } from './noto-fonts.js';
import { drawLine, paragraph, type TextStyle } from './text-flow.js';

export interface PageStamps {
  /** Top left of every page but the first, which carries the title itself. */
  header: string;
  /** Top right, beside the header: the document's own name (e.g. 'Programme'). */
  headerRight?: string;
  /** Bottom left of every page (e.g. which release this is). */
  footer: string;
  pageLabel(n: number, total: number): string;
  /** The document's font order (see familiesFor). */
  families?: Record<Weight, readonly string[]>;
}

export interface PageFrame {
  width: number;
  /** Left and right margin. */
  margin: number;
  /** Top of the header line and of the footer line. */
  headerTop: number;
  footerTop: number;
}

const GAP = 12;

export function stampPages(doc: PDFKit.PDFDocument, stamps: PageStamps, frame: PageFrame): void {
  const STAMP: TextStyle = { weight: 'regular', size: 7.5, colour: '#666666', families: stamps.families ?? FAMILIES };
  const { start, count } = doc.bufferedPageRange();
  const contentWidth = frame.width - 2 * frame.margin;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const n = i - start + 1;
    if (n > 1) {
      const right = stamps.headerRight ? paragraph(doc, stamps.headerRight, STAMP, 0, contentWidth / 3, 1)[0] : undefined;
      const rightWidth = right ? widthOf(doc.fontSize(right.size), right.runs) : 0;
      const left = paragraph(doc, stamps.header, STAMP, frame.margin, contentWidth - rightWidth - GAP, 1)[0];
      if (left) drawLine(doc, left, frame.headerTop);
      if (right) drawLine(doc, { ...right, x: frame.width - frame.margin - rightWidth }, frame.headerTop);
      const ruleY = frame.headerTop + Math.max(left?.height ?? 0, right?.height ?? 0) + 2;
      doc.moveTo(frame.margin, ruleY).lineTo(frame.width - frame.margin, ruleY).lineWidth(0.4).stroke('#bbbbbb');
    }
    const label = paragraph(doc, stamps.pageLabel(n, count), STAMP, 0, contentWidth / 3, 1)[0];
    const labelWidth = widthOf(doc.fontSize(label.size), label.runs);
    const footer = paragraph(doc, stamps.footer, STAMP, frame.margin, contentWidth - labelWidth - GAP, 1)[0];
    if (footer) drawLine(doc, footer, frame.footerTop);
    drawLine(doc, { ...label, x: frame.width - frame.margin - labelWidth }, frame.footerTop);
  }
}
