import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool (Debian's poppler-utils) on the PDF, written to a temporary file, and returns what it prints. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, ['-enc', 'UTF-8', file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as a reader's tool extracts it (pdftotext). */
export function pdfText(pdf: Buffer): string {
  return poppler('pdftotext', pdf);
}

/** The same, one string per page (pdftotext ends each page with a form feed). */
export function pdfPages(pdf: Buffer): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}

/** The document's metadata as pdfinfo prints it (Title, Pages, …). */
export function pdfInfo(pdf: Buffer): string {
  return poppler('pdfinfo', pdf);
}

/**
 * Whitespace removed, for "does this text contain that title": a title wrapped over two lines comes back with a
 * line break in it, and Chinese has no spaces to normalise to.
 */
export const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
