import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { createApiApp } from '../../../apps/api/src/create-api-app.js';
import { WorkerModule } from '../../../apps/worker/src/worker.module.js';
import { type AppConfig, loadConfig } from '#core/config/app-config.js';
import { FirstAdminService } from '#identity/index.js';
import { HttpClient } from './http-client.js';
import { freePort, type RunningProcess, startProcess } from './processes.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { REDIS_URL } from './test-env.js';

export type QueueBackend = 'redis' | 'postgres';

export const TEST_ADMIN = { email: 'admin@test.example.org', password: 'admin-password-for-tests' };

export interface StackOptions {
  backend?: QueueBackend;
  /** Extra environment variables, as a user would set them. */
  env?: Record<string, string | undefined>;
  /** Outside Jest there is no template database: create one and migrate it. */
  migrate?: boolean;
}

/**
 * One test file's product: its own database, its own queue namespace, the real
 * api listening on a free port, and (when asked) the real worker. Everything is
 * stopped and dropped by `close()`.
 */
export class TestStack {
  readonly logLines: string[] = [];
  api?: NestFastifyApplication;
  http!: HttpClient;
  private worker?: INestApplicationContext;

  private readonly spawned: RunningProcess[] = [];

  private constructor(
    readonly db: TestDatabase,
    readonly config: AppConfig,
    /** The environment the config was read from: a spawned process gets the same. */
    readonly env: Record<string, string | undefined>,
  ) {}

  static async create(options: StackOptions = {}): Promise<TestStack> {
    const db = await createTestDatabase({ migrate: options.migrate });
    const backend = options.backend ?? 'postgres';
    // Files (outcome documents) go to a folder of this stack's own.
    const dataDir = mkdtempSync(join(tmpdir(), 'bo-test-'));
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      REDIS_URL: backend === 'redis' ? REDIS_URL : undefined,
      QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      LOG_LEVEL: 'info',
      JOB_BACKOFF_MS: '50',
      OUTBOX_POLL_MS: '50',
      ...options.env,
    };
    return new TestStack(db, loadConfig(env), env);
  }

  /** Starts the api on 127.0.0.1 and a free port; its log lines are kept in `logLines`. */
  async startApi(): Promise<this> {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const { app } = await createApiApp(this.config, { logDestination: sink });
    await app.listen({ port: 0, host: '127.0.0.1' });
    this.api = app;
    this.http = new HttpClient(await app.getUrl());
    await app.get(FirstAdminService, { strict: false }).ensure();
    return this;
  }

  async startWorker(): Promise<INestApplicationContext> {
    this.worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(this.config), { logger: false });
    await this.worker.init();
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  /** The compiled worker as a process of its own (one that a test can kill); stopped by close() if still running. */
  spawnWorker(env: Record<string, string | undefined> = {}): RunningProcess {
    const worker = startProcess('dist/apps/worker/src/main.js', { ...this.env, ...env });
    this.spawned.push(worker);
    return worker;
  }

  /** The compiled api as a process of its own (for measurements that must not share this process's CPU). */
  async spawnApi(env: Record<string, string | undefined> = {}): Promise<{ process: RunningProcess; http: HttpClient }> {
    const port = await freePort();
    const api = startProcess('dist/apps/api/src/main.js', { ...this.env, LOG_LEVEL: 'info', ...env, PORT: String(port), HOST: '127.0.0.1' });
    this.spawned.push(api);
    await api.waitFor('api listening');
    return { process: api, http: new HttpClient(`http://127.0.0.1:${port}`) };
  }

  workerContext(): INestApplicationContext {
    if (!this.worker) throw new Error('the worker is not running');
    return this.worker;
  }

  async loginAsAdmin(): Promise<string> {
    return this.http.login(TEST_ADMIN.email, TEST_ADMIN.password);
  }

  async close(): Promise<void> {
    for (const process of this.spawned) {
      if (process.child.exitCode === null && process.child.signalCode === null) {
        process.child.kill('SIGKILL');
        await process.exited;
      }
    }
    await this.stopWorker();
    await this.api?.close();
    if (this.config.queueBackend === 'redis') await deleteRedisKeys(this.config.queuePrefix);
    await this.db.drop();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
