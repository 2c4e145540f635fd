import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { AgendaBuilder, type AgendaFormat, type BuildOutcome } from '#agenda/index.js';
import { type AppConfig, workerLockOptions } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import type { Language } from '#core/i18n/language.js';
import { type BuildAgendaJob, InvalidJobPayloadError, validateJobPayload } from '#core/queue/job-payloads.js';
import { JobName, QueueName } from '#core/queue/queue-names.js';

/**
 * Renders agenda documents. A queue of its own with its own (small) concurrency: a full rebuild is CPU work,
 * and here it waits its turn instead of delaying messages on the notifications queue or answers of the api
 * (which runs in another process).
 */
@Processor(QueueName.Agendas, workerLockOptions())
export class AgendasProcessor extends WorkerHost implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AgendasProcessor.name);

  constructor(
    private readonly builder: AgendaBuilder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.agendaConcurrency;
  }

  /** Releases left without their documents get them now (repeated builds store nothing, so several workers may do this). */
  async onApplicationBootstrap(): Promise<void> {
    const planned = await this.builder.planMissing().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not look for releases without agendas');
      return 0;
    });
    if (planned > 0) this.logger.log({ releases: planned }, 'agenda builds planned for releases without them');
  }

  async process(job: Job): Promise<BuildOutcome> {
    if (job.name !== JobName.BuildAgenda) throw new UnrecoverableError(`Unknown job ${job.name}`);
    try {
      const p = validateJobPayload<BuildAgendaJob>(JobName.BuildAgenda, job.data);
      return await this.builder.build(p.releaseId, p.language as Language, p.format as AgendaFormat);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
