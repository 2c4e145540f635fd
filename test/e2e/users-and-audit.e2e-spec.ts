import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';

describe('User management (admin) and the audit log', () => {
  let stack: TestStack;
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    stack = await (await TestStack.create()).startApi();
    adminToken = await stack.loginAsAdmin();
    adminId = (await stack.http.get('/api/auth/me', { token: adminToken })).body.id;
  });
  afterAll(() => stack.close());

  const user = (overrides: Record<string, unknown> = {}) => ({
    email: `Person-${Math.random().toString(36).slice(2)}@Example.org`,
    displayName: '李明',
    role: 'organiser',
    preferredLanguage: 'zh',
    password: 'twelve chars or more',
    ...overrides,
  });

  it('creates a user (email stored lower-cased, no password in the answer) and audits it with the request id', async () => {
    const body = user();
    const created = await stack.http.post('/api/users', body, { token: adminToken, headers: { 'x-request-id': 'req-create-1' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('req-create-1');
    expect(created.body).toEqual({
      id: expect.any(String),
      email: (body.email as string).toLowerCase(),
      displayName: '李明',
      role: 'organiser',
      preferredLanguage: 'zh',
      active: true,
      lastLoginAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const audit = await stack.http.get(`/api/audit?entity=user&entityId=${created.body.id}`, { token: adminToken });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'user.created',
        actorId: adminId,
        actorRole: 'admin',
        requestId: 'req-create-1',
        before: null,
        after: expect.objectContaining({ email: created.body.email, role: 'organiser' }),
      }),
    ]);
    expect(JSON.stringify(audit.body)).not.toContain('twelve chars or more');
  });

  it('rejects invalid bodies field by field, and unknown fields', async () => {
    const result = await stack.http.post(
      '/api/users',
      { email: 'not-an-email', displayName: '', role: 'king', password: 'short', isAdmin: true },
      { token: adminToken },
    );
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    const fields = (result.body.details as { field: string; rule: string }[]).map((d) => `${d.field}:${d.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining(['email:isEmail', 'displayName:minLength', 'role:isIn', 'password:minLength', 'isAdmin:unknownField']),
    );
  });

  it('answers 409 EMAIL_TAKEN for a second user with the same email in another case', async () => {
    const body = user();
    expect((await stack.http.post('/api/users', body, { token: adminToken })).status).toBe(201);
    const again = await stack.http.post('/api/users', { ...body, email: (body.email as string).toUpperCase() }, { token: adminToken });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'EMAIL_TAKEN', details: { constraint: 'app_user_email_key' } });
  });

  it('creates exactly one user when the same email is posted ten times at once', async () => {
    const body = user();
    const results = await Promise.all(Array.from({ length: 10 }, () => stack.http.post('/api/users', body, { token: adminToken })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('updates a user, records before and after, and deactivates instead of deleting', async () => {
    const created = (await stack.http.post('/api/users', user({ role: 'staff' }), { token: adminToken })).body;
    const updated = await stack.http.patch(`/api/users/${created.id}`, { role: 'organiser', displayName: 'Ли Мин' }, { token: adminToken });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ role: 'organiser', displayName: 'Ли Мин' });
    const off = await stack.http.patch(`/api/users/${created.id}`, { active: false }, { token: adminToken });
    expect(off.body.active).toBe(false);
    expect((await stack.http.get(`/api/users/${created.id}`, { token: adminToken })).body.active).toBe(false);
    expect((await stack.http.request('DELETE', `/api/users/${created.id}`, undefined, { token: adminToken })).status).toBe(404);

    const audit = await stack.http.get(`/api/audit?entity=user&entityId=${created.id}&action=user.updated`, { token: adminToken });
    expect(audit.body.total).toBe(2);
    const roleChange = (audit.body.items as { before: { role: string }; after: { role: string } }[]).find((e) => e.after.role === 'organiser' && e.before.role === 'staff');
    expect(roleChange).toBeDefined();
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const unknown = await stack.http.patch('/api/users/00000000-0000-4000-8000-000000000000', { displayName: 'x' }, { token: adminToken });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const malformed = await stack.http.get('/api/users/not-a-uuid', { token: adminToken });
    expect(malformed.status).toBe(400);
  });

  it('refuses to deactivate or demote the last active admin', async () => {
    const result = await stack.http.patch(`/api/users/${adminId}`, { active: false }, { token: adminToken });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('LAST_ADMIN');
    const demote = await stack.http.patch(`/api/users/${adminId}`, { role: 'staff' }, { token: adminToken });
    expect(demote.body.code).toBe('LAST_ADMIN');
  });

  it('keeps one active admin when three admins deactivate each other at the same moment', async () => {
    const second = user({ role: 'admin' });
    const third = user({ role: 'admin' });
    const secondId = (await stack.http.post('/api/users', second, { token: adminToken })).body.id;
    const thirdId = (await stack.http.post('/api/users', third, { token: adminToken })).body.id;
    const secondToken = await stack.http.login(second.email as string, second.password as string);
    const thirdToken = await stack.http.login(third.email as string, third.password as string);
    // Each admin deactivates the next one, all at once: without the lock all three could succeed.
    const results = await Promise.all([
      stack.http.patch(`/api/users/${secondId}`, { active: false }, { token: adminToken }),
      stack.http.patch(`/api/users/${thirdId}`, { active: false }, { token: secondToken }),
      stack.http.patch(`/api/users/${adminId}`, { active: false }, { token: thirdToken }),
    ]);
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND active`);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.status === 200).length).toBeLessThan(3);
    // Put things back for the other tests.
    await stack.db.pool.query(`UPDATE app_user SET active = true WHERE id = $1`, [adminId]);
    adminToken = await stack.http.login(TEST_ADMIN.email, TEST_ADMIN.password);
  });

  it('paginates and filters the user list', async () => {
    for (let i = 0; i < 3; i += 1) await stack.http.post('/api/users', user({ role: 'delegate', displayName: `Paged ${i}` }), { token: adminToken });
    const page1 = await stack.http.get('/api/users?role=delegate&pageSize=2&page=1', { token: adminToken });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(3);
    const page2 = await stack.http.get('/api/users?role=delegate&pageSize=2&page=2', { token: adminToken });
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const search = await stack.http.get('/api/users?q=Paged%201', { token: adminToken });
    expect(search.body.items.map((u: { displayName: string }) => u.displayName)).toEqual(['Paged 1']);
    const tooBig = await stack.http.get('/api/users?pageSize=1000', { token: adminToken });
    expect(tooBig.status).toBe(400);
  });

  it('filters the audit log by actor, action and time, newest first, paginated', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await stack.http.post('/api/users', user(), { token: adminToken });
    const result = await stack.http.get(`/api/audit?actorId=${adminId}&action=user.created&from=${since}&pageSize=1`, { token: adminToken });
    expect(result.status).toBe(200);
    expect(result.body.items).toHaveLength(1);
    expect(result.body.items[0]).toMatchObject({ action: 'user.created', actorId: adminId });
    const logins = await stack.http.get(`/api/audit?action=auth.login&actorId=${adminId}`, { token: adminToken });
    expect(logins.body.total).toBeGreaterThanOrEqual(1);
    const future = await stack.http.get(`/api/audit?from=${new Date(Date.now() + 60_000).toISOString()}`, { token: adminToken });
    expect(future.body.total).toBe(0);
    const bad = await stack.http.get('/api/audit?from=yesterday', { token: adminToken });
    expect(bad.status).toBe(400);
  });

  it('rolls back the user, its audit entry and its outbox row together when the commit fails', async () => {
    // A deferred trigger fails at COMMIT, after every write of the change has been made.
    await stack.db.pool.query(`
      CREATE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = '23514', CONSTRAINT = 'test_refuse_commit'; END $$;
      CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER INSERT ON app_user DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.display_name = 'Rollback Me') EXECUTE FUNCTION test_refuse_commit();`);
    try {
      const counts = () =>
        stack.db.pool.query(`SELECT (SELECT count(*) FROM app_user) u, (SELECT count(*) FROM audit_log) a, (SELECT count(*) FROM outbox) o`);
      const before = (await counts()).rows[0];
      const result = await stack.http.post('/api/users', user({ displayName: 'Rollback Me' }), { token: adminToken });
      expect(result.status).toBe(422);
      expect(result.body.code).toBe('CHECK_VIOLATION');
      expect((await counts()).rows[0]).toEqual(before);
    } finally {
      await stack.db.pool.query(`DROP TRIGGER test_refuse_commit ON app_user; DROP FUNCTION test_refuse_commit();`);
    }
  });

  it('answers text with a NUL character with 422, in a body and in a query', async () => {
    const body = await stack.http.post('/api/users', user({ displayName: 'a\u0000b' }), { token: adminToken });
    expect(body.status).toBe(422);
    expect(body.body.code).toBe('INVALID_CHARACTERS');
    const query = await stack.http.get('/api/users?q=%00', { token: adminToken });
    expect(query.status).toBe(422);
    const audit = await stack.http.get('/api/audit?entity=%00', { token: adminToken });
    expect(audit.status).toBe(422);
  });

  it('names the parameter when an id is malformed', async () => {
    const result = await stack.http.get('/api/users/42', { token: adminToken });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id', rule: 'isUuid' }] });
  });

  it('audits the revocation that follows the reuse of a refresh token', async () => {
    const login = await stack.http.post('/api/auth/login', TEST_ADMIN);
    await stack.http.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
    await stack.http.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
    adminToken = await stack.http.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const audit = await stack.http.get('/api/audit?action=auth.refresh_token_reused', { token: adminToken });
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0]).toMatchObject({ entity: 'auth_session', actorRole: 'system' });
  });
});
