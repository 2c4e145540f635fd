import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { InvalidJobPayloadError, validateJobPayload, type WelcomeUserJob } from '#core/queue/job-payloads.js';
import { JobName, QueueName } from '#core/queue/queue-names.js';
import { WelcomeNotificationService } from '#messaging/welcome-notification.service.js';

/** One processor for the notifications queue; each handler is idempotent (delivery is at least once). */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly welcome: WelcomeNotificationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.workerConcurrency;
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.logger.error({ jobId: job.id, job: job.name, attempts: job.attemptsMade, reason: error.message }, 'job failed for good');
      }
    });
  }

  async process(job: Job): Promise<unknown> {
    try {
      switch (job.name as JobName) {
        case JobName.WelcomeUser: {
          const payload = validateJobPayload<WelcomeUserJob>(JobName.WelcomeUser, job.data);
          return await this.welcome.record(payload.userId);
        }
        default:
          throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QueueName.Notifications}`);
      }
    } catch (error) {
      // A payload that fails validation will fail the same way on every attempt.
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
