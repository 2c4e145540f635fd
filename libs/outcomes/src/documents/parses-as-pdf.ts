/**
 * Whether bytes that start like a PDF are one. `%PDF-` is five bytes anybody can type before anything else; a
 * signed copy is only worth keeping if a reader can open it. So the file is opened with PDF.js (Mozilla's reader,
 * the one Firefox uses): it must parse (header, cross-reference table or a recoverable one, trailer, catalogue), it
 * must have a page, and its first page must load. Nothing is rendered: the page's content streams and images are
 * not decoded, so a 10 MB scan opens in milliseconds.
 *
 * A PDF locked with a password still parses (its catalogue is read before the password is asked for), so it counts
 * as a PDF: what it is, not whether we may read it, decides the type.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/** Loaded on first use: the api does not pay for PDF.js at boot, nor does the worker, which never uploads. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

export async function parsesAsPdf(bytes: Buffer): Promise<boolean> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // A copy: PDF.js may take the buffer over, and the caller still stores these bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    disableAutoFetch: true,
    disableStream: true,
    // Its warnings about damaged files are our answer here, not something for the server log.
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    if (document.numPages < 1) return false;
    await document.getPage(1);
    return true;
  } catch (error) {
    // PDF.js does not export its exception classes; their names are part of its API.
    return (error as { name?: unknown } | null)?.name === 'PasswordException';
  } finally {
    await task.destroy();
  }
}
