import { sha256Hex } from './document-checksum.js';

describe(sha256Hex.name, () => {
  it('matches the FIPS 180-2 test vector for "abc"', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the empty buffer', () => {
    expect(sha256Hex(Buffer.alloc(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes only the bytes of a subarray view', () => {
    const pool = Buffer.from('xxabcxx');
    expect(sha256Hex(pool.subarray(2, 5))).toBe(sha256Hex(Buffer.from('abc')));
  });
});
