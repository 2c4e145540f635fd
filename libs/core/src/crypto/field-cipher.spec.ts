import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

describe(FieldCipher.name, () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips a value and never stores it in clear', () => {
    const stored = cipher.encrypt('N12345678', 'record-1');
    expect(stored.includes(Buffer.from('N12345678'))).toBe(false);
    expect(cipher.decrypt(stored, 'record-1')).toBe('N12345678');
  });

  it('gives a different ciphertext each time (fresh IV)', () => {
    expect(cipher.encrypt('same', 'r').equals(cipher.encrypt('same', 'r'))).toBe(false);
  });

  it('refuses a value moved to another record, a tampered value and another key', () => {
    const stored = cipher.encrypt('1990-05-17', 'record-1');
    expect(() => cipher.decrypt(stored, 'record-2')).toThrow();
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt(tampered, 'record-1')).toThrow();
    expect(() => new FieldCipher(randomBytes(32)).decrypt(stored, 'record-1')).toThrow();
    expect(() => new FieldCipher(randomBytes(16))).toThrow();
  });
});
