import { createHmac } from 'node:crypto';
import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signHs256(claims: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('Authentication (POST /api/auth/login, refresh, logout, GET /api/auth/me)', () => {
  let stack: TestStack;
  let adminToken: string;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    adminToken = await stack.loginAsAdmin();
  });
  afterAll(() => stack.close());

  async function newUser(role = 'staff'): Promise<{ id: string; email: string; password: string }> {
    const email = `user-${Math.random().toString(36).slice(2)}@example.org`;
    const password = 'correct horse battery';
    const created = await stack.http.post('/api/users', { email, displayName: 'Тест 测试', role, password }, { token: adminToken });
    expect(created.status).toBe(201);
    return { id: created.body.id, email, password };
  }

  it('logs in with the right password and returns a short-lived access token and a refresh token', async () => {
    const result = await stack.http.post('/api/auth/login', { email: TEST_ADMIN.email, password: TEST_ADMIN.password });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: TEST_ADMIN.email, role: 'admin' } });
    expect(result.body.user.passwordHash).toBeUndefined();
    const me = await stack.http.get('/api/auth/me', { token: result.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(TEST_ADMIN.email);
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password and for an unknown email alike', async () => {
    const user = await newUser();
    const wrong = await stack.http.post('/api/auth/login', { email: user.email, password: 'not the password' });
    const unknown = await stack.http.post('/api/auth/login', { email: 'nobody@example.org', password: 'whatever' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('validates the login body: missing fields and unknown fields are 400 VALIDATION_FAILED', async () => {
    const missing = await stack.http.post('/api/auth/login', { email: TEST_ADMIN.email });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    const extra = await stack.http.post('/api/auth/login', { ...TEST_ADMIN, admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.details).toEqual([expect.objectContaining({ field: 'admin', rule: 'unknownField' })]);
  });

  it('refuses requests without a token, with a malformed token, alg none, a wrong key or an expired token', async () => {
    const me = await stack.http.post('/api/auth/login', TEST_ADMIN);
    const [, payload] = (me.body.accessToken as string).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());

    const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    const wrongKey = signHs256(claims, 'a-different-secret-of-sufficient-length');
    const expired = signHs256({ ...claims, iat: claims.iat - 7200, exp: claims.iat - 3600 }, stack.config.jwtSecret);
    const hs512 = signHs256(claims, stack.config.jwtSecret, { alg: 'HS512', typ: 'JWT' });

    const missing = await stack.http.get('/api/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');
    for (const token of ['garbage', none, wrongKey, hs512]) {
      const result = await stack.http.get('/api/auth/me', { token });
      expect(result.status).toBe(401);
      expect(result.body.code).toBe('INVALID_TOKEN');
    }
    const old = await stack.http.get('/api/auth/me', { token: expired });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('TOKEN_EXPIRED');
    // The same claims correctly signed are accepted: the refusals above are about the signature alone.
    const valid = await stack.http.get('/api/auth/me', { token: signHs256(claims, stack.config.jwtSecret) });
    expect(valid.status).toBe(200);
  });

  it('answers 403 for a wrong role', async () => {
    const staff = await newUser('staff');
    const token = await stack.http.login(staff.email, staff.password);
    const result = await stack.http.get('/api/users', { token });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe('FORBIDDEN');
  });

  it('rotates the refresh token; reusing a rotated token revokes the whole session', async () => {
    const user = await newUser();
    const login = await stack.http.post('/api/auth/login', { email: user.email, password: user.password });
    const first = login.body.refreshToken as string;

    const rotated = await stack.http.post('/api/auth/refresh', { refreshToken: first });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(first);
    const second = rotated.body.refreshToken as string;
    expect((await stack.http.get('/api/auth/me', { token: rotated.body.accessToken })).status).toBe(200);

    const reuse = await stack.http.post('/api/auth/refresh', { refreshToken: first });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The family is gone: the newest refresh token and the live access tokens no longer work.
    const afterReuse = await stack.http.post('/api/auth/refresh', { refreshToken: second });
    expect(afterReuse.status).toBe(401);
    expect((await stack.http.get('/api/auth/me', { token: rotated.body.accessToken })).status).toBe(401);
    expect((await stack.http.get('/api/auth/me', { token: login.body.accessToken })).status).toBe(401);
  });

  it('lets exactly one of two concurrent refreshes with one token win', async () => {
    const user = await newUser();
    const login = await stack.http.post('/api/auth/login', { email: user.email, password: user.password });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => stack.http.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
  });

  it('stores refresh tokens hashed, never in clear', async () => {
    const user = await newUser();
    const login = await stack.http.post('/api/auth/login', { email: user.email, password: user.password });
    const { rows } = await stack.db.pool.query(`SELECT token_hash FROM refresh_token`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(login.body.refreshToken);
    const { rows: users } = await stack.db.pool.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]);
    expect(users[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('logs out: the session ends, its access and refresh tokens stop working', async () => {
    const user = await newUser();
    const login = await stack.http.post('/api/auth/login', { email: user.email, password: user.password });
    const out = await stack.http.post('/api/auth/logout', {}, { token: login.body.accessToken });
    expect(out.status).toBe(204);
    expect((await stack.http.get('/api/auth/me', { token: login.body.accessToken })).status).toBe(401);
    expect((await stack.http.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  it('ends the sessions of a deactivated user at once, and refuses their login', async () => {
    const user = await newUser();
    const token = await stack.http.login(user.email, user.password);
    const deactivated = await stack.http.patch(`/api/users/${user.id}`, { active: false }, { token: adminToken });
    expect(deactivated.status).toBe(200);
    expect((await stack.http.get('/api/auth/me', { token })).status).toBe(401);
    const again = await stack.http.post('/api/auth/login', { email: user.email, password: user.password });
    expect(again.status).toBe(401);
  });

  it('writes a login as a whole: session, last login, audit entry, refresh token; its throttle bump is given back', async () => {
    const user = await newUser();
    const before = await stack.http.get(`/api/users/${user.id}`, { token: adminToken });
    expect((await stack.http.post('/api/auth/login', { email: user.email, password: 'not the password' })).status).toBe(401);
    const login = await stack.http.post('/api/auth/login', { email: user.email.toUpperCase(), password: user.password }, {
      headers: { 'x-request-id': 'login-writes-1' },
    });
    expect(login.status).toBe(200);
    // The user in the answer is the one that was checked, as GET /api/users/:id showed it (no last login yet).
    expect(login.body.user).toEqual(before.body);
    const { sid } = JSON.parse(Buffer.from((login.body.accessToken as string).split('.')[1], 'base64url').toString());

    const { rows: sessions } = await stack.db.pool.query(`SELECT user_id, revoked_at FROM auth_session WHERE id = $1`, [sid]);
    expect(sessions).toEqual([{ user_id: user.id, revoked_at: null }]);
    const { rows: users } = await stack.db.pool.query(`SELECT last_login_at, updated_at FROM app_user WHERE id = $1`, [user.id]);
    expect(users[0].last_login_at).not.toBeNull();
    expect(users[0].updated_at).toEqual(users[0].last_login_at);
    const { rows: audit } = await stack.db.pool.query(
      `SELECT actor_id, actor_role, action, entity, entity_id, before, after, request_id FROM audit_log WHERE entity_id = $1`,
      [sid],
    );
    expect(audit).toEqual([
      { actor_id: user.id, actor_role: 'staff', action: 'auth.login', entity: 'auth_session', entity_id: sid, before: null, after: null, request_id: 'login-writes-1' },
    ]);
    const { rows: tokens } = await stack.db.pool.query(`SELECT expires_at, used_at FROM refresh_token WHERE session_id = $1`, [sid]);
    expect(tokens).toEqual([{ expires_at: new Date(login.body.refreshTokenExpiresAt), used_at: null }]);
    // The failure before stays counted against the account; the successful login is not.
    const { rows: counters } = await stack.db.pool.query(`SELECT failures FROM login_throttle WHERE key = $1`, [`account:${user.email}`]);
    expect(counters).toEqual([{ failures: 1 }]);
    expect((await stack.http.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(200);
  });
});

describe('Login rate limit (5 failures per account or address per minute)', () => {
  let stack: TestStack;
  let adminToken: string;
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  beforeAll(async () => {
    // Behind a proxy, so each test can speak from addresses of its own.
    stack = await (await TestStack.create({ env: { TRUST_PROXY: 'true' } })).startApi();
    adminToken = await stack.loginAsAdmin();
  });
  afterAll(() => stack.close());

  async function newUser(): Promise<{ email: string; password: string }> {
    const email = `user-${Math.random().toString(36).slice(2)}@example.org`;
    const password = 'correct horse battery';
    const created = await stack.http.post('/api/users', { email, displayName: 'Rate', role: 'staff', password }, { token: adminToken });
    expect(created.status).toBe(201);
    return { email, password };
  }

  it('answers 429 to the 6th failed attempt for one account, from any address, even with the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i += 1) {
      const attempt = await stack.http.post('/api/auth/login', { email: user.email, password: `wrong-${i}` }, from(`10.1.0.${i}`));
      expect(attempt.status).toBe(401);
    }
    const sixth = await stack.http.post('/api/auth/login', user, from('10.1.0.99'));
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 429 to the 6th failed attempt from one address, whatever the accounts; other addresses still log in', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i += 1) {
      const attempt = await stack.http.post('/api/auth/login', { email: `nobody-${i}@example.org`, password: 'x' }, from('10.2.0.1'));
      expect(attempt.status).toBe(401);
    }
    const sixth = await stack.http.post('/api/auth/login', user, from('10.2.0.1'));
    expect(sixth.status).toBe(429);
    const elsewhere = await stack.http.post('/api/auth/login', user, from('10.2.0.2'));
    expect(elsewhere.status).toBe(200);
  });

  it('does not count successful logins: many people behind one address log in at once', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => newUser()));
    const results = await Promise.all(users.map((user) => stack.http.post('/api/auth/login', user, from('10.3.0.1'))));
    expect(results.map((r) => r.status)).toEqual(users.map(() => 200));
  });

  it('holds the account limit under concurrency: of 20 parallel wrong guesses, 5 are checked and 15 refused', async () => {
    const user = await newUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stack.http.post('/api/auth/login', { email: user.email, password: `guess-${i}` }, from(`10.4.${i}.1`))),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(15);
  });
});
