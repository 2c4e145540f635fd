import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { envelopeProblem } from '#testing/error-envelope-shape.js';
import type { HttpResult } from '#testing/http-client.js';
import { TestStack } from '#testing/test-stack.js';

/*
 * Access tokens made by hand (alg none, another key, another algorithm, changed claims with the original signature,
 * expired, of an ended session) against guarded routes, and spent or tampered refresh tokens against the refresh
 * endpoint: every answer is a 401 in the error envelope. Controls show that the untouched tokens work, so the
 * refusals are about the tampering.
 */
type Claims = Record<string, unknown>;

const encode = (part: object | string) => Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url');

/** A JWT put together by hand: any header, any claims, an HMAC over them with any key (or no signature at all). */
function forge(header: object, claims: Claims | string, key?: { secret: string; hash?: 'sha256' | 'sha384' | 'sha512' }): string {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${key ? createHmac(key.hash ?? 'sha256', key.secret).update(unsigned).digest('base64url') : ''}`;
}

function claimsOf(token: string): Claims {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Claims;
}

/** One token with one of its characters replaced. */
function mutate(token: string, index: number, replacement: string): string {
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

/** The access guard's 401s: no usable token (a malformed Authorization header), an invalid one, an expired one. */
const TOKEN_REFUSALS = ['UNAUTHENTICATED', 'INVALID_TOKEN', 'TOKEN_EXPIRED'];

describe('Tampered tokens (alg none, another key, expired, changed claims, ended sessions, spent refresh tokens) get 401', () => {
  let stack: TestStack;
  let secret: string;
  let delegate: { id: string; email: string; password: string };
  let adminId: string;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    secret = stack.config.jwtSecret;
    const admin = await stack.loginAsAdmin();
    adminId = claimsOf(admin).sub as string;
    delegate = { id: '', email: 'tampering-delegate@example.org', password: 'a delegate password' };
    const created = await stack.http.post('/api/users', { email: delegate.email, displayName: 'Делегат', role: 'delegate', password: delegate.password }, { token: admin });
    expect(created.status).toBe(201);
    delegate.id = created.body.id;
  });
  afterAll(() => stack?.close());

  async function login(): Promise<{ accessToken: string; refreshToken: string }> {
    const answer = await stack.http.post('/api/auth/login', { email: delegate.email, password: delegate.password });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  /** 401 in the error envelope, with one of the given codes; the reason printed when it is not. */
  function refusal(answer: HttpResult, codes: string[]): string | undefined {
    const envelope = envelopeProblem(answer.status, answer.body, answer.headers.get('content-type'));
    if (answer.status !== 401) return `answered ${answer.status} ${answer.text.slice(0, 200)}`;
    if (envelope) return `not the error envelope: ${envelope}`;
    return codes.includes(answer.body.code) ? undefined : `code ${answer.body.code}`;
  }

  /** A guarded route for everyone signed in, and an admin-only one (where a forged admin must not get a 403 or a 200). */
  const GUARDED = [
    ['GET', '/api/auth/me'],
    ['GET', '/api/users'],
    ['POST', '/api/auth/logout'],
  ] as const;

  async function refusedEverywhere(token: string, codes = TOKEN_REFUSALS): Promise<Record<string, string>> {
    const problems: Record<string, string> = {};
    for (const [method, path] of GUARDED) {
      const answer = await stack.http.request(method, path, method === 'POST' ? {} : undefined, { token });
      const problem = refusal(answer, codes);
      if (problem) problems[`${method} ${path}`] = problem;
    }
    return problems;
  }

  it('accepts the untouched token and its claims signed again with the right key: the refusals below are about the tampering', async () => {
    const { accessToken } = await login();
    expect((await stack.http.get('/api/auth/me', { token: accessToken })).status).toBe(200);
    expect((await stack.http.get('/api/auth/me', { token: forge({ alg: 'HS256', typ: 'JWT' }, claimsOf(accessToken), { secret }) })).status).toBe(200);
    // A delegate's real token on an admin route is a 403, not a 401: the 401s below are not mere role refusals.
    expect((await stack.http.get('/api/users', { token: accessToken })).status).toBe(403);
  });

  it('refuses forged access tokens with 401, in the error envelope, on every guarded route', async () => {
    const { accessToken } = await login();
    const claims = claimsOf(accessToken);
    const [header, payload, signature] = accessToken.split('.');
    const now = Math.floor(Date.now() / 1000);
    const forged: Record<string, string> = {
      'alg none, no signature': forge({ alg: 'none', typ: 'JWT' }, claims),
      'alg none, original signature': `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.${signature}`,
      'alg None (other spelling)': forge({ alg: 'None', typ: 'JWT' }, claims),
      'alg NONE, no signature part at all': `${encode({ alg: 'NONE' })}.${payload}`,
      'signed with another key': forge({ alg: 'HS256', typ: 'JWT' }, claims, { secret: 'another secret, just as long as the real one' }),
      'signed with an empty key': forge({ alg: 'HS256', typ: 'JWT' }, claims, { secret: '' }),
      'HS512 with the right key (algorithm not allowed)': forge({ alg: 'HS512', typ: 'JWT' }, claims, { secret, hash: 'sha512' }),
      'RS256 header, HMAC with the key (algorithm confusion)': forge({ alg: 'RS256', typ: 'JWT' }, claims, { secret }),
      'a kid pointing elsewhere, signed with an empty key': forge({ alg: 'HS256', typ: 'JWT', kid: '../../../../dev/null' }, claims, { secret: '' }),
      'role changed from delegate to admin, original signature': `${header}.${encode({ ...claims, role: 'admin' })}.${signature}`,
      'subject changed to the admin, original signature': `${header}.${encode({ ...claims, sub: adminId })}.${signature}`,
      'expiry pushed a year ahead, original signature': `${header}.${encode({ ...claims, exp: now + 365 * 86_400 })}.${signature}`,
      'another issuer, right key': forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'someone-else' }, { secret }),
      'another audience, right key': forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'another-api' }, { secret }),
      'not valid before next year, right key': forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, nbf: now + 365 * 86_400 }, { secret }),
      'the delegate with the admin\'s session id, right key': forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, sid: (await stack.db.pool.query(`SELECT id FROM auth_session WHERE user_id = $1 LIMIT 1`, [adminId])).rows[0].id }, { secret }),
      'a session that never existed, right key': forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, sid: '00000000-0000-4000-8000-000000000000' }, { secret }),
      'ids that are not UUIDs, right key': forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: "' OR '1'='1", sid: { $ne: null } } as Claims, { secret }),
      'a payload that is not JSON, right key': forge({ alg: 'HS256', typ: 'JWT' }, 'not json', { secret }),
      'signature truncated': accessToken.slice(0, -2),
      'signature in standard base64 with padding': `${header}.${payload}.${Buffer.from(signature, 'base64url').toString('base64')}`,
      'garbage': 'not.a.token',
      'empty parts': '..',
    };
    const problems: Record<string, Record<string, string>> = {};
    for (const [what, token] of Object.entries(forged)) {
      const found = await refusedEverywhere(token);
      if (Object.keys(found).length) problems[what] = found;
    }
    expect(problems).toEqual({});
  });

  it('refuses an expired token with 401 TOKEN_EXPIRED, however right its signature', async () => {
    const { accessToken } = await login();
    const claims = claimsOf(accessToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, { secret });
    expect(await refusedEverywhere(expired, ['TOKEN_EXPIRED'])).toEqual({});
    // A second past its expiry is expired too (no grace period).
    const justExpired = forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now - 1 }, { secret });
    expect(await refusedEverywhere(justExpired, ['TOKEN_EXPIRED'])).toEqual({});
  });

  it('refuses any one-character change of a real token', async () => {
    const { accessToken } = await login();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: accessToken.length - 1 }), fc.constantFrom(...alphabet), async (index, replacement) => {
        fc.pre(accessToken[index] !== replacement);
        const answer = await stack.http.get('/api/auth/me', { token: mutate(accessToken, index, replacement) });
        expect(refusal(answer, TOKEN_REFUSALS)).toBeUndefined();
      }),
      { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 42) },
    );
  });

  it('refuses the access token of a session that was logged out, and of a deactivated account', async () => {
    const first = await login();
    const second = await login();
    expect((await stack.http.post('/api/auth/logout', {}, { token: first.accessToken })).status).toBe(204);
    expect(await refusedEverywhere(first.accessToken)).toEqual({});
    // Another session of the same person lives on: the refusal is about the session, not the person.
    expect((await stack.http.get('/api/auth/me', { token: second.accessToken })).status).toBe(200);

    const { rows } = await stack.db.pool.query(`UPDATE app_user SET active = false WHERE id = $1 RETURNING id`, [delegate.id]);
    expect(rows).toHaveLength(1);
    try {
      expect(await refusedEverywhere(second.accessToken)).toEqual({});
    } finally {
      await stack.db.pool.query(`UPDATE app_user SET active = true WHERE id = $1`, [delegate.id]);
    }
  });

  it('refuses a refresh token after logout, after rotation (and then the whole family), tampered, expired, or another secret in its place', async () => {
    const refresh = (refreshToken: unknown) => stack.http.post('/api/auth/refresh', { refreshToken });
    const problems: Record<string, string> = {};
    const expectRefused = async (what: string, refreshToken: unknown, codes = ['INVALID_REFRESH_TOKEN']) => {
      const problem = refusal(await refresh(refreshToken), codes);
      if (problem) problems[what] = problem;
    };

    const loggedOut = await login();
    expect((await stack.http.post('/api/auth/logout', { refreshToken: loggedOut.refreshToken }, { token: loggedOut.accessToken })).status).toBe(204);
    await expectRefused('after logout', loggedOut.refreshToken);

    const rotated = await login();
    const next = await refresh(rotated.refreshToken);
    expect(next.status).toBe(200);
    await expectRefused('the rotated one, used again', rotated.refreshToken, ['REFRESH_TOKEN_REUSED']);
    // Reuse looks like theft: the session is revoked, with the token it had just handed out.
    await expectRefused('the newer one, after the reuse', next.body.refreshToken);
    const afterReuse = await refusedEverywhere(next.body.accessToken);
    if (Object.keys(afterReuse).length) problems['the newer access token, after the reuse'] = JSON.stringify(afterReuse);

    const tampered = await login();
    await expectRefused('one character changed', mutate(tampered.refreshToken, 5, tampered.refreshToken[5] === 'A' ? 'B' : 'A'));
    await expectRefused('truncated', tampered.refreshToken.slice(0, -1));
    // Shaped like a refresh token (32 random bytes, base64url), but another secret: the access token's signature.
    await expectRefused('the access token\'s signature in its place', tampered.accessToken.split('.')[2]);
    await expectRefused('SQL in its place', "' OR '1'='1");

    const expired = await login();
    // Stored as its SHA-256 only (auth.service.ts).
    const hash = createHash('sha256').update(expired.refreshToken).digest('hex');
    const { rowCount } = await stack.db.pool.query(`UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [hash]);
    expect(rowCount).toBe(1);
    await expectRefused('expired', expired.refreshToken);

    expect(problems).toEqual({});
    // The untouched refresh token of a live session still works: the refusals are about what was done to the others.
    expect((await refresh(tampered.refreshToken)).status).toBe(200);
  });
});
