import { TestStack } from '#testing/test-stack.js';

/** Every error leaves the api in one envelope { statusCode, code, message, details? }; none is a 500. */
describe('The error envelope', () => {
  let stack: TestStack;
  let token: string;

  beforeAll(async () => {
    stack = await (await TestStack.create({ env: { BODY_LIMIT_BYTES: '4096' } })).startApi();
    token = await stack.loginAsAdmin();
  });
  afterAll(() => stack.close());

  function expectEnvelope(body: Record<string, unknown>, statusCode: number, code: string): void {
    expect(body).toEqual(expect.objectContaining({ statusCode, code, message: expect.any(String) }));
    expect(Object.keys(body).every((key) => ['statusCode', 'code', 'message', 'details'].includes(key))).toBe(true);
  }

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const result = await stack.http.post('/api/users', undefined, { token, raw: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(result.status).toBe(400);
    expectEnvelope(result.body, 400, 'MALFORMED_JSON');
  });

  it('answers a body of another content type with 415', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const result = await stack.http.post('/api/users', undefined, { token, raw: 'email=a@b.c', headers: { 'content-type': type } });
      expect(result.status).toBe(415);
      expectEnvelope(result.body, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers an oversized body with 413', async () => {
    const result = await stack.http.post('/api/users', { email: 'a@b.c', displayName: 'x'.repeat(10_000) }, { token });
    expect(result.status).toBe(413);
    expectEnvelope(result.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a body that is not an object with 400', async () => {
    for (const raw of ['[]', '"text"', '42', 'null']) {
      const result = await stack.http.post('/api/users', undefined, { token, raw, headers: { 'content-type': 'application/json' } });
      expect(result.status).toBe(400);
      expect(result.body.statusCode).toBe(400);
    }
  });

  it('rejects prototype-polluting keys as unknown fields, and does not pollute', async () => {
    const raw = '{"email":"p@example.org","displayName":"P","role":"staff","password":"long enough password","__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}';
    const result = await stack.http.post('/api/users', undefined, { token, raw, headers: { 'content-type': 'application/json' } });
    expect([400]).toContain(result.status);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers an unknown route and an unknown method with 404 in the envelope', async () => {
    const missing = await stack.http.get('/api/nothing-here', { token });
    expect(missing.status).toBe(404);
    expectEnvelope(missing.body, 404, 'NOT_FOUND');
    const method = await stack.http.request('DELETE', '/api/auth/me', undefined, { token });
    expect(method.status).toBe(404);
    expect(method.body.code).toBe('NOT_FOUND');
  });

  it('answers wrong query types with 400 VALIDATION_FAILED naming the field', async () => {
    const result = await stack.http.get('/api/users?page=abc&extra=1', { token });
    expect(result.status).toBe(400);
    expectEnvelope(result.body, 400, 'VALIDATION_FAILED');
    const fields = (result.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['page', 'extra']));
  });

  it('maps database violations to 409/422 with a code, never 500', async () => {
    // A check constraint the validators do not know about: the database still has the last word.
    await stack.db.pool.query(`ALTER TABLE app_user ADD CONSTRAINT test_no_x_names CHECK (display_name <> 'X')`);
    try {
      const result = await stack.http.post('/api/users', { email: 'x@example.org', displayName: 'X', role: 'staff', password: 'long enough password' }, { token });
      expect(result.status).toBe(422);
      expectEnvelope(result.body, 422, 'CHECK_VIOLATION');
      expect(result.body.details).toMatchObject({ constraint: 'test_no_x_names' });
      const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM app_user WHERE email = 'x@example.org'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await stack.db.pool.query(`ALTER TABLE app_user DROP CONSTRAINT test_no_x_names`);
    }
  });

  it('sets security headers', async () => {
    const result = await stack.http.get('/health');
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
