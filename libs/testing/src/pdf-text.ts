import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

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

/**
 * The /ActualText strings of a PDF's marked content, decoded: the text in reading order that a PDF says stands for
 * its glyphs (drawRuns writes one for Arabic, Indic and Khmer pieces). Content streams are inflated and each
 * literal string after /ActualText is unescaped and read as UTF-16BE (with its byte-order mark) or as bytes.
 */
export function pdfActualTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const contents = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      contents.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (an image, a font already read as is): nothing to read in it
    }
  }
  const found: string[] = [];
  for (const content of contents) {
    for (const match of content.matchAll(/\/ActualText\s*\(((?:\\[\s\S]|[^\\)])*)\)/g)) found.push(decodePdfString(unescapePdfString(match[1])));
  }
  return found;
}

function unescapePdfString(s: string): string {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return s.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) => (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (simple[c] ?? c)));
}

function decodePdfString(bytes: string): string {
  if (!bytes.startsWith('\xfe\xff')) return bytes;
  return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
}
