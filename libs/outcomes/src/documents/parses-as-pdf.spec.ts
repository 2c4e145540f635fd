import { samplePdf } from '#testing/sample-pdf.js';
import { parsesAsPdf } from './parses-as-pdf.js';

describe(parsesAsPdf.name, () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await samplePdf('Cooperation agreement, signed copy');
  });

  it('accepts a real PDF, one whose cross-reference offsets are off (readers recover those), and one locked with a password', async () => {
    expect(await parsesAsPdf(pdf)).toBe(true);
    const shifted = Buffer.from(pdf.toString('latin1').replace(/startxref\s+\d+/, 'startxref\n9'), 'latin1');
    expect(await parsesAsPdf(shifted)).toBe(true);
    expect(await parsesAsPdf(await samplePdf('Secret', { userPassword: 'secret' }))).toBe(true);
  });

  it.each([
    ['the header alone', Buffer.from('%PDF-1.7\n')],
    ['a header, an empty object, a trailer without a catalogue and %%EOF', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')],
    ['a web page behind a PDF header', Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n')],
    ['random bytes behind a PDF header', Buffer.concat([Buffer.from('%PDF-1.5\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))])],
    ['a catalogue with no pages', Buffer.from('%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')],
  ])('refuses %s', async (_what, bytes) => {
    expect(await parsesAsPdf(bytes)).toBe(false);
  });

  it('refuses a real PDF cut short', async () => {
    expect(await parsesAsPdf(pdf.subarray(0, Math.floor(pdf.length / 2)))).toBe(false);
  });

  it('leaves the bytes it was given as they were', async () => {
    const copy = Buffer.from(pdf);
    await parsesAsPdf(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });
});
