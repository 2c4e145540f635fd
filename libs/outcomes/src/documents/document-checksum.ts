import { createHash } from 'node:crypto';

/** The SHA-256 of the bytes, as 64 lowercase hexadecimal characters. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
