import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { QueueName } from '../queue/queue-names.js';

export interface CheckResult {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: Record<'database' | 'queue' | 'migrations' | 'outbox', CheckResult>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer in time`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** A check's answer is public: it says what is down, the log says why (host names and auth errors stay there). */
async function check(what: string, probe: () => Promise<Record<string, unknown>>, logger: Logger): Promise<CheckResult> {
  try {
    return { status: 'up', ...(await withTimeout(probe(), what)) };
  } catch (error) {
    logger.warn({ check: what, err: error }, 'readiness check failed');
    return { status: 'down', error: error instanceof PendingMigrationsError ? error.message : `${what} is unavailable` };
  }
}

class PendingMigrationsError extends Error {}

/**
 * Readiness: the database answers, the queue backend answers, no migration is
 * pending. The outbox backlog is reported (with a warning past its age limit) but
 * does not take the api out of rotation: a stuck worker is not cured by
 * withdrawing api replicas.
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<Readiness> {
    const [database, queue, migrations, outbox] = await Promise.all([
      check('database', async () => {
        await this.dataSource.query('SELECT 1');
        return {};
      }, this.logger),
      check('queue', async () => {
        await this.queue.getJobCounts('waiting');
        return { backend: this.config.queueBackend };
      }, this.logger),
      check('migrations', async () => {
        if (await this.dataSource.showMigrations()) throw new PendingMigrationsError('migrations are pending: run npm run migrate');
        return {};
      }, this.logger),
      check('outbox', async () => {
        const backlog = await this.outbox.backlog();
        const stale = backlog.oldestAgeSeconds !== null && backlog.oldestAgeSeconds > this.config.outboxWarnAgeSeconds;
        return { ...backlog, warning: stale ? 'the oldest outbox row is older than OUTBOX_WARN_AGE_SECONDS' : undefined };
      }, this.logger),
    ]);
    const ready = [database, queue, migrations].every((c) => c.status === 'up');
    return { status: ready ? 'ready' : 'not_ready', checks: { database, queue, migrations, outbox } };
  }
}
