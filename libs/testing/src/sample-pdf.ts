import PDFDocument from 'pdfkit';

/** A real, one-page PDF (as a scanner's or a word processor's would be) for upload tests; options as pdfkit takes them. */
export function samplePdf(text = 'Signed copy', options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ compress: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.text(text);
    doc.end();
  });
}
