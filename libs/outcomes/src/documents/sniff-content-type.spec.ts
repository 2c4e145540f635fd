import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCEPTED_DOCUMENT_TYPES,
  type AcceptedDocumentType,
  extensionFor,
  sniffContentType,
} from './sniff-content-type.js';

/** A minimal but well-formed one-page PDF. */
const MINIMAL_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '',
].join('\n');

/** A 1×1 PNG (IHDR, IDAT, IEND, all CRCs valid). */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** SOI, a JFIF APP0 segment, EOI. */
const JPEG_HEADER = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);

/** A 1×1 lossless WebP: 'RIFF', size 26, 'WEBP', a VP8L chunk. */
const WEBP_1X1 = 'UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==';

const ACCEPTED: ReadonlyArray<[string, Buffer, AcceptedDocumentType]> = [
  ['a minimal PDF', Buffer.from(MINIMAL_PDF, 'latin1'), 'application/pdf'],
  ['a 1×1 PNG', Buffer.from(PNG_1X1, 'base64'), 'image/png'],
  ['a minimal JPEG', JPEG_HEADER, 'image/jpeg'],
  ['a 1×1 WebP', Buffer.from(WEBP_1X1, 'base64'), 'image/webp'],
];

/** [description, misleading file name, bytes] */
const REJECTED: ReadonlyArray<[string, string, Buffer]> = [
  ['an HTML page', 'agreement.pdf', Buffer.from('<!DOCTYPE html><html><body>%PDF-1.4</body></html>')],
  [
    'an SVG',
    'signature.png',
    Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  ],
  ['a ZIP', 'agreement.pdf', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26)])],
  ['an ELF executable', 'scan.jpg', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(9)])],
  ['a Windows executable', 'scan.jpg', Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(62)])],
  ['an empty file', 'empty.pdf', Buffer.alloc(0)],
  ['a truncated PDF signature', 'short.pdf', Buffer.from('%PD')],
  ['a PDF signature after a leading space', 'space.pdf', Buffer.from(` ${MINIMAL_PDF}`)],
  ['a PDF signature after a byte-order mark', 'bom.pdf', Buffer.from(`\ufeff${MINIMAL_PDF}`)],
  ['a PDF signature further into the file', 'later.pdf', Buffer.from(`garbage\n${MINIMAL_PDF}`)],
  ['a text file named .pdf', 'signed-agreement.pdf', Buffer.from('This agreement is signed by both parties.\n')],
  ['a GIF', 'photo.png', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
  ['a truncated PNG signature', 'short.png', Buffer.from(PNG_1X1, 'base64').subarray(0, 7)],
  ['a truncated JPEG signature', 'short.jpg', Buffer.from([0xff, 0xd8])],
  ['a RIFF WAVE file', 'sound.webp', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
  ['a truncated WebP header', 'short.webp', Buffer.from('RIFF\x1a\x00\x00\x00WEB', 'latin1')],
];

describe(sniffContentType.name, () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sniff-content-type-spec-'));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Round-trips the bytes through a real file, as an upload would arrive. */
  async function throughFile(name: string, bytes: Buffer): Promise<Buffer> {
    const path = join(folder, name);
    await writeFile(path, bytes);
    return readFile(path);
  }

  it.each(ACCEPTED)('recognises %s', async (_description, bytes, expected) => {
    expect(sniffContentType(await throughFile(`accepted-${expected.replace('/', '-')}`, bytes))).toBe(expected);
  });

  it.each(REJECTED)('rejects %s (named %s)', async (_description, name, bytes) => {
    expect(sniffContentType(await throughFile(name, bytes))).toBeUndefined();
  });

  it('only ever answers with an accepted type', () => {
    for (const [, bytes] of ACCEPTED) {
      expect(ACCEPTED_DOCUMENT_TYPES).toContain(sniffContentType(bytes));
    }
  });

  it('recognises a signature held in a subarray of a larger buffer', () => {
    const pool = Buffer.concat([Buffer.from('junk'), JPEG_HEADER]);
    expect(sniffContentType(pool.subarray(4))).toBe('image/jpeg');
    expect(sniffContentType(pool)).toBeUndefined();
  });
});

describe(extensionFor.name, () => {
  it('maps each accepted type to its usual extension', () => {
    expect(ACCEPTED_DOCUMENT_TYPES.map((type) => extensionFor(type))).toEqual(['pdf', 'png', 'jpg', 'webp']);
  });
});
