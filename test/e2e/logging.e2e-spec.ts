import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';

describe('Structured logs: a request id on every request line, no credentials or personal data', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
  });
  afterAll(() => stack.close());

  it('never writes passwords, tokens or emails, and tags each request line with its id', async () => {
    const secretPassword = 'a-very-recognisable-passphrase';
    const email = 'private.person@example.org';
    const login = await stack.http.post('/api/auth/login', TEST_ADMIN, { headers: { 'x-request-id': 'login-req-1' } });
    const { accessToken, refreshToken } = login.body;
    await stack.http.post('/api/users', { email, displayName: 'Private', role: 'delegate', password: secretPassword }, { token: accessToken });
    await stack.http.post('/api/auth/login', { email, password: 'wrong-passphrase-here' });
    const refreshed = await stack.http.post('/api/auth/refresh', { refreshToken });
    await stack.http.get(`/api/users?q=${encodeURIComponent(email)}`, { token: refreshed.body.accessToken });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const all = stack.logLines.join('\n');
    expect(stack.logLines.length).toBeGreaterThanOrEqual(5);
    for (const secret of [TEST_ADMIN.password, secretPassword, 'wrong-passphrase-here', accessToken, refreshToken, refreshed.body.refreshToken, email, TEST_ADMIN.email]) {
      expect(all).not.toContain(secret);
    }
    const requests = stack.logLines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request completed');
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const entry of requests) expect(entry.requestId).toEqual(expect.any(String));
    expect(requests.find((entry) => entry.requestId === 'login-req-1')).toMatchObject({
      req: { method: 'POST', path: '/api/auth/login' },
      res: { statusCode: 200 },
    });
    // The query string (which may carry a search for a person) is not logged.
    expect(requests.some((entry) => entry.req.path === '/api/users' && !JSON.stringify(entry).includes('q='))).toBe(true);
  });
});
