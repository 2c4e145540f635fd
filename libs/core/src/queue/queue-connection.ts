import { createPostgresBackend, type DefaultJobOptions, setDefaultBackendFactory } from 'bullmq';
import type { AppConfig } from '../config/app-config.js';

/** Redis connection options from a redis:// or rediss:// URL (ioredis takes options, not URLs, here). */
function redisOptions(url: string) {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must not give up on a slow answer.
    maxRetriesPerRequest: null,
  };
}

/**
 * Redis when REDIS_URL is set; otherwise BullMQ's PostgreSQL backend on the same
 * database (its own schema `bullmq`), which is what lets the embedded default run
 * with no other service. The backend is chosen process-wide, which is how
 * @nestjs/bullmq's queues and workers pick it up.
 */
export function queueConnection(config: AppConfig): { connection: object; prefix: string } {
  if (config.queueBackend === 'redis') {
    setDefaultBackendFactory(undefined);
    return { connection: redisOptions(config.redisUrl!), prefix: config.queuePrefix };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return {
    connection: { connectionString: config.databaseUrl, migrate: true, max: 5 },
    prefix: config.queuePrefix,
  };
}

export function defaultJobOptions(config: AppConfig): DefaultJobOptions {
  return {
    attempts: config.jobAttempts,
    backoff: { type: 'exponential', delay: config.jobBackoffMs },
    // Completed jobs are kept for a week so a job id relayed twice stays one job;
    // failed jobs are kept until an organiser retries or an admin cleans them.
    removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
    removeOnFail: false,
  };
}
