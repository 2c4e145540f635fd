/**
 * Content types accepted for signed agreement copies. The type is decided from the bytes alone
 * (magic numbers), never from a file name or a client-supplied Content-Type header.
 */
export const ACCEPTED_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

export type AcceptedDocumentType = (typeof ACCEPTED_DOCUMENT_TYPES)[number];

const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const RIFF = Buffer.from('RIFF', 'latin1');
const WEBP = Buffer.from('WEBP', 'latin1');

function hasAt(bytes: Buffer, signature: Buffer, offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return bytes.subarray(offset, offset + signature.length).equals(signature);
}

/**
 * Recognises an accepted document type from its leading bytes, or returns undefined.
 * Only the bytes are looked at: the signature must start at offset 0.
 */
export function sniffContentType(bytes: Buffer): AcceptedDocumentType | undefined {
  if (hasAt(bytes, PDF_SIGNATURE)) return 'application/pdf';
  if (hasAt(bytes, PNG_SIGNATURE)) return 'image/png';
  if (hasAt(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  // RIFF container: 'RIFF', a 4-byte little-endian size, then the form type 'WEBP'.
  if (hasAt(bytes, RIFF) && hasAt(bytes, WEBP, 8)) return 'image/webp';
  return undefined;
}

const EXTENSIONS: Readonly<Record<AcceptedDocumentType, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The file extension (without the dot) to store a document of this type under. */
export function extensionFor(type: AcceptedDocumentType): string {
  return EXTENSIONS[type];
}
