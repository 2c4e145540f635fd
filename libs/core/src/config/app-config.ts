import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  type Env,
  readEmail,
  readEnum,
  readInt,
  readString,
  readTrustProxy,
  readUrl,
} from './env-parsers.js';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The embedded PostgreSQL listens here, beside (not on) a system PostgreSQL's 5432. */
export const EMBEDDED_PG_DEFAULT_PORT = 54329;
export const EMBEDDED_PG_DATABASE = 'backoffice';

/**
 * The one typed configuration of every process (api, worker, launcher, migrate).
 * Nothing else reads process.env: see ARCHITECTURE.md, convention 11.
 */
export interface AppConfig {
  nodeEnv: (typeof NODE_ENVS)[number];
  isProduction: boolean;
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  /** True when no DATABASE_URL was given and the launcher's embedded PostgreSQL is meant. */
  databaseIsEmbedded: boolean;
  embeddedPgPort: number;
  /** Run as root from a private folder, the embedded PostgreSQL's copy of its binaries and its data live here. */
  embeddedPgRuntimeDir: string;
  redisUrl: string | undefined;
  queueBackend: 'redis' | 'postgres';
  queuePrefix: string;
  jwtSecret: string;
  /** 32 bytes: encrypts the visa data of registrations at rest. */
  dataEncryptionKey: Buffer;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  adminEmail: string;
  adminPassword: string | undefined;
  /** smtp:// or smtps://; unset, mail is written as .eml files under DATA_DIR/mail. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where links in messages point (badges, invitations). */
  publicBaseUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  bodyLimitBytes: number;
  trustProxy: boolean | number | string;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  jobAttempts: number;
  jobBackoffMs: number;
  workerConcurrency: number;
  /** libuv's thread pool as Node sized it (UV_THREADPOOL_SIZE, read by Node itself at start): password hashing keeps one thread of it free. */
  libuvPoolSize: number;
  /** How long a worker's claim on a running job lasts without renewal; a dead worker's jobs return after it. */
  jobLockMs: number;
  /** Agenda documents a worker process renders at once (CPU work: keep it below the cores). */
  agendaConcurrency: number;
  /** How long before a session its seat holders are reminded. */
  reminderLeadMinutes: number;
  outboxPollMs: number;
  outboxBatchSize: number;
  outboxWarnAgeSeconds: number;
  /**
   * A message still unsent this long after its delivery job was queued has its job published again: a queue
   * that lost its data (Redis restarted without persistence) must not lose the message with it.
   */
  notificationRecoverySeconds: number;
  shutdownTimeoutMs: number;
}

/**
 * In development secrets are generated once and kept under the data folder, so
 * tokens and encrypted data survive restarts. Creating the file with the
 * exclusive flag makes two processes starting at once agree on one value.
 */
function developmentSecret(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, name);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(bytes).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

function encryptionKey(env: Env, isProduction: boolean, dataDir: string): Buffer {
  const given = readString(env, 'DATA_ENCRYPTION_KEY');
  if (!given) {
    if (isProduction) throw new ConfigError('DATA_ENCRYPTION_KEY is required when NODE_ENV=production');
    return Buffer.from(developmentSecret(dataDir, 'data-encryption-key', 32), 'base64url');
  }
  const key = Buffer.from(given, 'base64');
  if (key.length !== 32) throw new ConfigError('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVS, 'development');
  const isProduction = nodeEnv === 'production';
  const dataDir = resolve(readString(env, 'DATA_DIR', '.data')!);
  const embeddedPgPort = readInt(env, 'EMBEDDED_PG_PORT', EMBEDDED_PG_DEFAULT_PORT, 1, 65535);
  const port = readInt(env, 'PORT', 3000, 0, 65535);

  const givenDatabaseUrl = readUrl(env, 'DATABASE_URL', ['postgres', 'postgresql']);
  if (isProduction && !givenDatabaseUrl) throw new ConfigError('DATABASE_URL is required when NODE_ENV=production');
  const databaseUrl =
    givenDatabaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${embeddedPgPort}/${EMBEDDED_PG_DATABASE}`;

  let jwtSecret = readString(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  }
  if (!jwtSecret) {
    if (isProduction) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
    jwtSecret = developmentSecret(dataDir, 'jwt-secret', 48);
  }

  const redisUrl = readUrl(env, 'REDIS_URL', ['redis', 'rediss']);
  const queuePrefix = readString(env, 'QUEUE_PREFIX', 'bo')!;
  if (!/^[a-z0-9_-]{1,40}$/i.test(queuePrefix)) {
    throw new ConfigError('QUEUE_PREFIX must be 1 to 40 letters, digits, "-" or "_"');
  }
  const adminPassword = readString(env, 'ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 12 characters long');
  }

  return {
    nodeEnv,
    isProduction,
    host: readString(env, 'HOST', '0.0.0.0')!,
    port,
    dataDir,
    databaseUrl,
    databaseIsEmbedded: !givenDatabaseUrl,
    embeddedPgPort,
    embeddedPgRuntimeDir: resolve(readString(env, 'EMBEDDED_PG_RUNTIME_DIR', '/var/lib/sco-backoffice')!),
    redisUrl,
    queueBackend: redisUrl ? 'redis' : 'postgres',
    queuePrefix,
    jwtSecret,
    dataEncryptionKey: encryptionKey(env, isProduction, dataDir),
    accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlSeconds: readInt(env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 86_400, 60, 365 * 86_400),
    adminEmail: readEmail(env, 'ADMIN_EMAIL') ?? 'admin@example.org',
    adminPassword,
    smtpUrl: readUrl(env, 'SMTP_URL', ['smtp', 'smtps']),
    mailFrom: readString(env, 'MAIL_FROM', 'China–SCO Conference <no-reply@example.org>')!,
    // Without PUBLIC_BASE_URL, links in mail and feeds go to this machine on the port it listens on (PORT=8080
    // gives http://localhost:8080); port 0 (any free port, tests) has no address to give before listening: 3000.
    publicBaseUrl: (readUrl(env, 'PUBLIC_BASE_URL', ['http', 'https']) ?? `http://localhost:${port || 3000}`).replace(/\/$/, ''),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info'),
    bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    trustProxy: readTrustProxy(env, 'TRUST_PROXY'),
    loginMaxFailures: readInt(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: readInt(env, 'LOGIN_WINDOW_SECONDS', 60, 1, 86_400),
    jobAttempts: readInt(env, 'JOB_ATTEMPTS', 5, 1, 50),
    jobBackoffMs: readInt(env, 'JOB_BACKOFF_MS', 2000, 1, 3_600_000),
    // At most the worker's database pool (40) less what the relay, the sweep and the other queues need.
    workerConcurrency: readInt(env, 'WORKER_CONCURRENCY', 10, 1, 34),
    libuvPoolSize: readInt(env, 'UV_THREADPOOL_SIZE', 4, 1, 1024),
    jobLockMs: readJobLockMs(env),
    agendaConcurrency: readInt(env, 'AGENDA_CONCURRENCY', 1, 1, 16),
    reminderLeadMinutes: readInt(env, 'REMINDER_LEAD_MINUTES', 60, 1, 7 * 24 * 60),
    outboxPollMs: readInt(env, 'OUTBOX_POLL_MS', 500, 10, 60_000),
    outboxBatchSize: readInt(env, 'OUTBOX_BATCH_SIZE', 200, 1, 5000),
    outboxWarnAgeSeconds: readInt(env, 'OUTBOX_WARN_AGE_SECONDS', 60, 1, 86_400),
    notificationRecoverySeconds: readInt(env, 'NOTIFICATION_RECOVERY_SECONDS', 300, 1, 86_400),
    shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', 8000, 100, 60_000),
  };
}

function readJobLockMs(env: Env): number {
  return readInt(env, 'JOB_LOCK_MS', 30_000, 1000, 600_000);
}

/**
 * BullMQ takes a worker's lock settings when the worker is built, and @nestjs/bullmq builds it from
 * the @Processor decorator, before any provider exists: so processors read them here, from the
 * environment, with the same rule as the config. The worker's entry point loads the config before it
 * imports the processors, so a bad value is refused there first.
 */
export function workerLockOptions(env: Env = process.env): { lockDuration: number; stalledInterval: number } {
  const ms = readJobLockMs(env);
  return { lockDuration: ms, stalledInterval: ms };
}

/** Entry points call this: a ConfigError becomes one line on stderr and exit code 1. */
export function loadConfigOrExit(env: Env = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The environment the launcher hands to the api and worker it starts: its own, with the database it chose. */
/**
 * The same configuration with the embedded PostgreSQL on another port (the launcher's choice when the configured one
 * is taken), so the api and the worker it starts connect there.
 */
export function onEmbeddedPort(config: AppConfig, port: number): AppConfig {
  if (!config.databaseIsEmbedded) return config;
  return { ...config, embeddedPgPort: port, databaseUrl: `postgres://postgres:postgres@127.0.0.1:${port}/${EMBEDDED_PG_DATABASE}` };
}

export function childProcessEnv(config: AppConfig, env: Env = process.env): Record<string, string | undefined> {
  return { ...env, DATABASE_URL: config.databaseUrl };
}
