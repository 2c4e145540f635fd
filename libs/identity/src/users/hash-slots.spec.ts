import { hashSlotsFor } from './hash-slots.js';

describe(hashSlotsFor.name, () => {
  it('sizes to the cores, keeping one pool thread free of hashes, and never below one', () => {
    expect(hashSlotsFor(2, 4)).toBe(2);
    expect(hashSlotsFor(16, 4)).toBe(3);
    expect(hashSlotsFor(16, 32)).toBe(16);
    expect(hashSlotsFor(1, 4)).toBe(1);
    expect(hashSlotsFor(8, 1)).toBe(1);
  });
});
