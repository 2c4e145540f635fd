import { TEST_ADMIN, TestStack } from '#testing/test-stack.js';

const basic = (email: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` });

describe('bull-board for admins, on the Redis queue backend', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await (await TestStack.create({ backend: 'redis' })).startApi();
    const token = await stack.loginAsAdmin();
    const organiser = { email: 'board-organiser@example.org', displayName: 'Organiser', role: 'organiser', preferredLanguage: 'en', password: 'twelve chars or more' };
    expect((await stack.http.post('/api/users', organiser, { token })).status).toBe(201);
  });
  afterAll(() => stack?.close());

  it('asks for an admin\'s email and password, refuses others, and shows the product\'s queues to an admin', async () => {
    const anonymous = await stack.http.get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect((await stack.http.get('/admin/queues', { headers: basic(TEST_ADMIN.email, 'wrong password!') })).status).toBe(401);
    const organiser = await stack.http.get('/admin/queues/api/queues', { headers: basic('board-organiser@example.org', 'twelve chars or more') });
    expect(organiser.status).toBe(403);

    const page = await stack.http.get('/admin/queues', { headers: basic(TEST_ADMIN.email, TEST_ADMIN.password) });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const queues = await stack.http.get('/admin/queues/api/queues', { headers: basic(TEST_ADMIN.email, TEST_ADMIN.password) });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['agendas', 'notifications', 'outcomes', 'programme', 'registration']);
  });
});

describe('bull-board on the PostgreSQL queue backend', () => {
  it('is not mounted (the JSON endpoints under /api/jobs serve admins there)', async () => {
    const stack = await (await TestStack.create({ backend: 'postgres' })).startApi();
    try {
      expect((await stack.http.get('/admin/queues', { headers: basic(TEST_ADMIN.email, TEST_ADMIN.password) })).status).toBe(404);
      const token = await stack.loginAsAdmin();
      expect((await stack.http.get('/api/jobs/queues', { token })).status).toBe(200);
    } finally {
      await stack.close();
    }
  });
});
