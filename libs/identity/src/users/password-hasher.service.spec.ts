import { PasswordHasher } from './password-hasher.service.js';

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher({ libuvPoolSize: 4 });
  const password = 'Qingdao-2026-上合-ШОС';
  let passwordHash: string;

  beforeAll(async () => {
    passwordHash = await hasher.hash(password);
  });

  it('produces an argon2id hash with the OWASP minimum parameters', () => {
    expect(passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(passwordHash).not.toContain(password);
  });

  it('salts each hash', async () => {
    expect(await hasher.hash(password)).not.toBe(passwordHash);
  });

  it('verifies the right password', async () => {
    await expect(hasher.verify(passwordHash, password)).resolves.toBe(true);
  });

  it('rejects a wrong password', async () => {
    await expect(hasher.verify(passwordHash, 'Qingdao-2026-上合-ШОс')).resolves.toBe(false);
    await expect(hasher.verify(passwordHash, '')).resolves.toBe(false);
  });

  it('returns false, not an error, for a garbage hash', async () => {
    await expect(hasher.verify('not-a-hash', password)).resolves.toBe(false);
    await expect(hasher.verify('', password)).resolves.toBe(false);
  });

  it('verifyDecoy resolves false', async () => {
    await expect(hasher.verifyDecoy(password)).resolves.toBe(false);
  });

  it('runs no more computations at once than its limit, the others waiting their turn', async () => {
    // A pool of 2 leaves one thread for hashing, whatever the cores.
    const narrow = new PasswordHasher({ libuvPoolSize: 2 });
    const slots = (narrow as unknown as { slots: { activeCount: number; pendingCount: number } }).slots;
    const all = Promise.all([narrow.hash(password), narrow.verify(passwordHash, password), narrow.hash(password)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect({ active: slots.activeCount, pending: slots.pendingCount }).toEqual({ active: 1, pending: 2 });
    const [first, verified, third] = await all;
    expect(verified).toBe(true);
    expect(first).not.toBe(third);
    expect({ active: slots.activeCount, pending: slots.pendingCount }).toEqual({ active: 0, pending: 0 });
  });
});
