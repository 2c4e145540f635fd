import { auditSnapshot } from './audit-snapshot.js';

describe(auditSnapshot.name, () => {
  it('returns null for null and undefined', () => {
    expect(auditSnapshot(null)).toBeNull();
    expect(auditSnapshot(undefined)).toBeNull();
  });

  it('removes secret keys at the top level, whatever their case, and keeps the others', () => {
    const user = {
      id: 'b0f1c2d3-0000-4000-8000-000000000001',
      email: 'organiser@example.org',
      role: 'admin',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$abc',
      Password: 'p@ss',
      jwtSecret: 's3cret',
      refreshToken: 'r',
    };

    expect(auditSnapshot(user)).toEqual({
      id: 'b0f1c2d3-0000-4000-8000-000000000001',
      email: 'organiser@example.org',
      role: 'admin',
    });
  });

  it('removes secret keys at any depth, inside objects and arrays', () => {
    const change = {
      before: { name: 'Anna', credentials: { password: 'old', hint: 'cat' } },
      after: { name: 'Anna', credentials: { password: 'new', hint: 'dog' } },
      sessions: [{ id: 1, token: 't1' }, { id: 2, accessToken: 't2' }],
    };

    expect(auditSnapshot(change)).toEqual({
      before: { name: 'Anna', credentials: { hint: 'cat' } },
      after: { name: 'Anna', credentials: { hint: 'dog' } },
      sessions: [{ id: 1 }, { id: 2 }],
    });
    expect(JSON.stringify(auditSnapshot(change))).not.toMatch(/old|new|t1|t2/);
  });

  it('converts Dates to ISO strings', () => {
    const snapshot = auditSnapshot({ startsAt: new Date('2026-06-15T01:30:00.000Z'), nested: { at: new Date(0) } });

    expect(snapshot).toEqual({ startsAt: '2026-06-15T01:30:00.000Z', nested: { at: '1970-01-01T00:00:00.000Z' } });
  });

  it('returns a copy that does not share objects with the input', () => {
    const input = { title: { en: 'Opening' } };
    const snapshot = auditSnapshot(input) as { title: { en: string } };

    snapshot.title.en = 'Changed';

    expect(input.title.en).toBe('Opening');
  });
});
