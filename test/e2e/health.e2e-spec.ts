import { TestStack } from '#testing/test-stack.js';

describe('Health: GET /health and GET /health/ready', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await (await TestStack.create({ backend: 'redis', env: { OUTBOX_WARN_AGE_SECONDS: '1' } })).startApi();
  });
  afterAll(() => stack.close());

  it('answers liveness without authentication', async () => {
    const result = await stack.http.get('/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok' });
  });

  it('is ready when the database, the queue backend and the schema are', async () => {
    const result = await stack.http.get('/health/ready');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: 'ready',
      checks: {
        database: { status: 'up' },
        queue: { status: 'up', backend: 'redis' },
        migrations: { status: 'up' },
        outbox: { status: 'up', pending: expect.any(Number) },
      },
    });
  });

  it('reports the outbox backlog and its oldest age, with a warning past the limit', async () => {
    await stack.db.pool.query(
      `INSERT INTO outbox (queue, name, payload, created_at) VALUES ('notifications', 'welcome-user', '{}', now() - interval '2 minutes')`,
    );
    const result = await stack.http.get('/health/ready');
    expect(result.status).toBe(200);
    expect(result.body.checks.outbox.pending).toBeGreaterThanOrEqual(1);
    expect(result.body.checks.outbox.oldestAgeSeconds).toBeGreaterThanOrEqual(119);
    expect(result.body.checks.outbox.warning).toMatch(/older than/);
    await stack.db.pool.query(`DELETE FROM outbox`);
  });

  it('answers 503 while a migration is pending', async () => {
    const [last] = (await stack.db.pool.query(`SELECT id, timestamp, name FROM schema_migrations ORDER BY id DESC LIMIT 1`)).rows;
    await stack.db.pool.query(`DELETE FROM schema_migrations WHERE id = $1`, [last.id]);
    try {
      const result = await stack.http.get('/health/ready');
      expect(result.status).toBe(503);
      expect(result.body.status).toBe('not_ready');
      expect(result.body.checks.migrations).toMatchObject({ status: 'down', error: expect.stringMatching(/pending/) });
    } finally {
      await stack.db.pool.query(`INSERT INTO schema_migrations (timestamp, name) VALUES ($1, $2)`, [last.timestamp, last.name]);
    }
    expect((await stack.http.get('/health/ready')).status).toBe(200);
  });

  it('answers 503 while the database refuses connections, and recovers by itself', async () => {
    // Close the api's connections and refuse new ones, as if the database went away.
    const { Client } = await import('pg');
    const server = new Client({ connectionString: stack.db.url.replace(/\/[^/]+$/, '/postgres') });
    await server.connect();
    try {
      await server.query(`ALTER DATABASE ${stack.db.name} ALLOW_CONNECTIONS false`);
      await server.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [stack.db.name]);
      const down = await stack.http.get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.body.checks.database.status).toBe('down');
      expect(down.body.checks.queue.status).toBe('up');
      const live = await stack.http.get('/health');
      expect(live.status).toBe(200);
    } finally {
      await server.query(`ALTER DATABASE ${stack.db.name} ALLOW_CONNECTIONS true`);
      await server.end();
    }
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i += 1) {
      status = (await stack.http.get('/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});
