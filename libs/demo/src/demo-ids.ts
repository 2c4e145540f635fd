import { createHash } from 'node:crypto';

/**
 * A stable UUID for a demo record, derived from its kind and key (the layout of
 * a version-5 UUID), so that seeding twice finds the same rows and adds nothing.
 */
export function demoId(kind: string, key: string): string {
  const hash = createHash('sha1').update(`sco-backoffice-demo:${kind}:${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
