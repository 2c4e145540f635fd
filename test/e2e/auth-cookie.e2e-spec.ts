import { request as httpRequest } from 'node:http';
import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';

/** One Set-Cookie line, split into its value and its attributes (names lower-cased). */
interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

function parseSetCookie(line: string): SetCookie {
  const [pair, ...rest] = line.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) attributes[part.toLowerCase()] = true;
    else attributes[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
  }
  return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
}

function cookiesOf(headers: Headers): Record<string, SetCookie> {
  return Object.fromEntries(headers.getSetCookie().map(parseSetCookie).map((cookie) => [cookie.name, cookie]));
}

/** What a browser would send back: the two cookies of the last answer that set them. */
interface BrowserSession {
  refresh: string;
  csrf: string;
  accessToken: string;
}

describe('Browser sign-in: the refresh token in an HttpOnly cookie, with a double-submit anti-CSRF cookie', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
  });
  afterAll(() => stack.close());

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return stack.http.post(path, body, { headers });
  }

  function cookieHeader(session: Pick<BrowserSession, 'refresh' | 'csrf'>): string {
    return `sco_refresh=${session.refresh}; sco_csrf=${session.csrf}`;
  }

  async function browserLogin(): Promise<BrowserSession> {
    const login = await post('/api/auth/login', { ...TEST_ADMIN, refreshIn: 'cookie' });
    expect(login.status).toBe(200);
    const cookies = cookiesOf(login.headers);
    return { refresh: cookies.sco_refresh.value, csrf: cookies.sco_csrf.value, accessToken: login.body.accessToken };
  }

  /** csrfHeader null sends no header at all. */
  async function refreshByCookie(session: Pick<BrowserSession, 'refresh' | 'csrf'>, csrfHeader: string | null = session.csrf) {
    const headers: Record<string, string> = { cookie: cookieHeader(session) };
    if (csrfHeader !== null) headers['x-csrf-token'] = csrfHeader;
    return post('/api/auth/refresh', {}, headers);
  }

  it('login with refreshIn "cookie" answers without refreshToken and sets both cookies with their attributes', async () => {
    const login = await post('/api/auth/login', { ...TEST_ADMIN, refreshIn: 'cookie' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: TEST_ADMIN.email } });
    expect(login.body).not.toHaveProperty('refreshToken');
    const cookies = cookiesOf(login.headers);
    const lifetime = String(stack.config.refreshTokenTtlSeconds);
    expect(cookies.sco_refresh.value).toMatch(/^[\w-]{43}$/);
    // Plain http to 127.0.0.1: no Secure, or the browser of a newcomer's `npm start` would drop the cookie.
    expect(cookies.sco_refresh.attributes).toEqual({ httponly: true, samesite: 'Strict', path: '/api/auth', 'max-age': expect.any(String) });
    expect(Math.abs(Number(cookies.sco_refresh.attributes['max-age']) - Number(lifetime))).toBeLessThanOrEqual(2);
    expect(cookies.sco_csrf.value).toMatch(/^[\w-]{32}$/);
    expect(cookies.sco_csrf.attributes).toEqual({ samesite: 'Strict', path: '/', 'max-age': expect.any(String) });
    const me = await stack.http.get('/api/auth/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
  });

  it('body mode is unchanged: the default and refreshIn "body" answer the refresh token and set no cookie', async () => {
    for (const body of [TEST_ADMIN, { ...TEST_ADMIN, refreshIn: 'body' }]) {
      const login = await post('/api/auth/login', body);
      expect(login.status).toBe(200);
      expect(login.body.refreshToken).toMatch(/^[\w-]{43}$/);
      expect(login.headers.getSetCookie()).toEqual([]);
      const refreshed = await post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refreshToken).toMatch(/^[\w-]{43}$/);
      expect(refreshed.headers.getSetCookie()).toEqual([]);
    }
    const wrong = await post('/api/auth/login', { ...TEST_ADMIN, refreshIn: 'localStorage' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'refreshIn' })]);
  });

  it('refreshes from the cookie with the matching header: new cookies, no refreshToken in the body, and the new pair refreshes again', async () => {
    const first = await browserLogin();
    const refreshed = await refreshByCookie(first);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    expect((await stack.http.get('/api/auth/me', { token: refreshed.body.accessToken })).status).toBe(200);
    const cookies = cookiesOf(refreshed.headers);
    expect(cookies.sco_refresh.value).not.toBe(first.refresh);
    expect(cookies.sco_csrf.value).not.toBe(first.csrf);
    expect(cookies.sco_refresh.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/auth' });
    const second = { refresh: cookies.sco_refresh.value, csrf: cookies.sco_csrf.value };
    expect((await refreshByCookie(second)).status).toBe(200);
  });

  it('refuses a cookie without the matching X-CSRF-Token with 403 CSRF_TOKEN_INVALID and rotates nothing', async () => {
    const session = await browserLogin();
    for (const header of [null, '', 'not-the-value', `${session.csrf}x`]) {
      const refused = await refreshByCookie(session, header);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ statusCode: 403, code: 'CSRF_TOKEN_INVALID', message: expect.any(String) });
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    // A header matching a forged sco_csrf is no better when the cookie itself is missing.
    const noCsrfCookie = await post('/api/auth/refresh', {}, { cookie: `sco_refresh=${session.refresh}`, 'x-csrf-token': 'anything' });
    expect(noCsrfCookie.status).toBe(403);
    // The refusals spent nothing: the same cookie still refreshes once.
    expect((await refreshByCookie(session)).status).toBe(200);
  });

  it('answers 401 INVALID_REFRESH_TOKEN with neither cookie nor body token, or an unknown cookie (and drops it)', async () => {
    const none = await post('/api/auth/refresh', {});
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('INVALID_REFRESH_TOKEN');
    const unknown = await refreshByCookie({ refresh: 'not-a-token', csrf: 'abc' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('INVALID_REFRESH_TOKEN');
    const cleared = cookiesOf(unknown.headers);
    expect(cleared.sco_refresh).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/auth' } });
    expect(cleared.sco_csrf).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/' } });
  });

  it('a rotated cookie sent again is REFRESH_TOKEN_REUSED and revokes the session, the new cookie included', async () => {
    const stolen = await browserLogin();
    const rotated = await refreshByCookie(stolen);
    expect(rotated.status).toBe(200);
    const current = { refresh: cookiesOf(rotated.headers).sco_refresh.value, csrf: cookiesOf(rotated.headers).sco_csrf.value };
    const reused = await refreshByCookie(stolen);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('REFRESH_TOKEN_REUSED');
    const afterRevocation = await refreshByCookie(current);
    expect(afterRevocation.status).toBe(401);
    expect(afterRevocation.body.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await stack.http.get('/api/auth/me', { token: rotated.body.accessToken })).status).toBe(401);
  });

  it('logout with the cookie needs the header, then revokes the session and expires both cookies', async () => {
    const session = await browserLogin();
    const refused = await stack.http.post('/api/auth/logout', {}, { token: session.accessToken, headers: { cookie: cookieHeader(session) } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CSRF_TOKEN_INVALID');
    expect((await stack.http.get('/api/auth/me', { token: session.accessToken })).status).toBe(200);

    const out = await stack.http.post('/api/auth/logout', {}, {
      token: session.accessToken,
      headers: { cookie: cookieHeader(session), 'x-csrf-token': session.csrf },
    });
    expect(out.status).toBe(204);
    const cleared = cookiesOf(out.headers);
    expect(cleared.sco_refresh).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/auth', httponly: true } });
    expect(cleared.sco_csrf).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/' } });
    expect((await stack.http.get('/api/auth/me', { token: session.accessToken })).status).toBe(401);
    expect((await refreshByCookie(session)).status).toBe(401);
  });

  it('logout without cookies is as before and sets none', async () => {
    const token = await stack.loginAsAdmin();
    const out = await stack.http.post('/api/auth/logout', {}, { token });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()).toEqual([]);
  });

  /** fetch cannot set Host, so this one goes through node:http. */
  function loginWithHeaders(headers: Record<string, string>, base = stack.http.baseUrl): Promise<SetCookie[]> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ ...TEST_ADMIN, refreshIn: 'cookie' });
      const call = httpRequest(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
        response.resume();
        response.on('end', () => resolve((response.headers['set-cookie'] ?? []).map(parseSetCookie)));
      });
      call.on('error', reject);
      call.end(body);
    });
  }

  it('marks the cookies Secure for any other host, and ignores X-Forwarded-Proto from an untrusted client', async () => {
    const remote = await loginWithHeaders({ host: 'backoffice.example.org' });
    expect(remote.map((cookie) => [cookie.name, cookie.attributes.secure])).toEqual([['sco_refresh', true], ['sco_csrf', true]]);
    const spoofed = await loginWithHeaders({ 'x-forwarded-proto': 'https', 'x-forwarded-host': 'elsewhere.example.org' });
    expect(spoofed.map((cookie) => cookie.attributes.secure)).toEqual([undefined, undefined]);
  });

  it('behind a trusted proxy, follows its X-Forwarded-Proto: https to localhost is still Secure', async () => {
    const proxied = await (await TestStack.create({ env: { TRUST_PROXY: '127.0.0.1' } })).startApi();
    try {
      const https = await loginWithHeaders({ 'x-forwarded-proto': 'https' }, proxied.http.baseUrl);
      expect(https.map((cookie) => cookie.attributes.secure)).toEqual([true, true]);
      const plain = await loginWithHeaders({ 'x-forwarded-proto': 'http' }, proxied.http.baseUrl);
      expect(plain.map((cookie) => cookie.attributes.secure)).toEqual([undefined, undefined]);
    } finally {
      await proxied.close();
    }
  });
});
