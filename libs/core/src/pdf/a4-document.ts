/**
 * The frame of the long printed documents (agendas, the outcomes list): an A4 portrait page with the same
 * margins, running header and footer, and a pdfkit document set up for them.
 */
import PDFDocument from 'pdfkit';
import { registerNotoFonts } from './noto-fonts.js';
import type { PageFrame } from './page-stamps.js';
import { pdfBuffer } from './pdf-buffer.js';

// A4 in points.
const WIDTH = 595.28;
const HEIGHT = 841.89;
const MARGIN = 48; // ≈ 17 mm: clear of every printer's unprintable border, with room for a hole punch

export const A4 = {
  width: WIDTH,
  height: HEIGHT,
  margin: MARGIN,
  contentWidth: WIDTH - 2 * MARGIN,
  /** Where the running header and the footer go (see stampPages). */
  frame: { width: WIDTH, margin: MARGIN, headerTop: 26, footerTop: HEIGHT - 34 } satisfies PageFrame,
  /** Where running text goes, below the header and above the footer (see TextFlow). */
  area: { top: 56, bottom: HEIGHT - 48 },
  /** The first page has no running header: its title starts higher. */
  firstPageTop: MARGIN,
} as const;

export interface A4Metadata {
  title: string;
  subject?: string;
  /** BCP 47, e.g. zh-CN: screen readers and search pick the document's language from it. */
  lang: string;
}

/** A document ready to draw on (fonts registered, one page open) and the Buffer it becomes after `doc.end()`. */
export function a4Document(meta: A4Metadata): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    // Everything is placed on explicit coordinates; no margins means pdfkit never adds a page by itself.
    margin: 0,
    bufferPages: true, // page numbers 'n of total' are written once the total is known
    displayTitle: true,
    lang: meta.lang,
    info: { Title: meta.title, ...(meta.subject ? { Subject: meta.subject } : {}), Creator: 'SCO Conference Back Office' },
  });
  const done = pdfBuffer(doc);
  registerNotoFonts(doc);
  return { doc, done };
}
