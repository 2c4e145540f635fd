import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type AppConfig, workerLockOptions } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import {
  type DeliverNotificationJob,
  InvalidJobPayloadError,
  type SendSessionReminderJob,
  validateJobPayload,
  type WelcomeUserJob,
} from '#core/queue/job-payloads.js';
import { isDatabaseUnavailable } from '#core/errors/to-error-envelope.js';
import { JobName, QueueName } from '#core/queue/queue-names.js';
import { DeliveryInProgressError, MessageRefusedError, NotificationDelivery, NotificationEvents, SessionReminders } from '#messaging/index.js';

/** How long a delivery job waits when another job is sending its message right now. */
const BUSY_RETRY_MS = 2000;
/** How long a delivery job waits when the database did not answer. */
const DATABASE_AWAY_RETRY_MS = 5000;

/** The notifications queue: welcomes and due reminders to record, and every recorded message to send. Handlers are idempotent. */
@Processor(QueueName.Notifications, workerLockOptions())
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly events: NotificationEvents,
    private readonly delivery: NotificationDelivery,
    private readonly reminders: SessionReminders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.workerConcurrency;
    this.worker.on('failed', (job, error) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        // No reason text: a mail server's reply can quote the address. The row keeps it, masked.
        this.logger.error({ jobId: job.id, job: job.name, attempts: job.attemptsMade }, 'job failed for good');
        const notificationId = (job.data as { notificationId?: unknown }).notificationId;
        if (job.name === JobName.DeliverNotification && typeof notificationId === 'string' && !(error instanceof MessageRefusedError)) {
          // A job that stalled out never ran deliver()'s own last-attempt handling; the row must not stay queued.
          // A refusal deliver() recorded is left alone: the row is failed already, and an organiser may have
          // queued it again by the time this event arrives (a late verdict here would undo that retry).
          void this.delivery.markUndelivered(notificationId, error.message).catch(() => undefined);
        }
      }
    });
  }

  async process(job: Job, token?: string): Promise<unknown> {
    try {
      switch (job.name as JobName) {
        case JobName.WelcomeUser:
          return await this.events.welcome(validateJobPayload<WelcomeUserJob>(JobName.WelcomeUser, job.data).userId);
        case JobName.DeliverNotification: {
          const { notificationId } = validateJobPayload<DeliverNotificationJob>(JobName.DeliverNotification, job.data);
          const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          try {
            return await this.delivery.deliver(notificationId, finalAttempt);
          } catch (error) {
            const busy = error instanceof DeliveryInProgressError;
            if (!busy && !isDatabaseUnavailable(error)) throw error;
            // Another sender holds the message, or the database is away: come back later without spending an
            // attempt. Neither says anything about the message, and a job failed for good while its row is still
            // queued could only be revived by hand.
            await job.moveToDelayed(Date.now() + (busy ? BUSY_RETRY_MS : DATABASE_AWAY_RETRY_MS), token);
            throw new DelayedError();
          }
        }
        case JobName.SendSessionReminder: {
          const { enrolmentId, startsAt } = validateJobPayload<SendSessionReminderJob>(JobName.SendSessionReminder, job.data);
          return await this.reminders.fire(enrolmentId, startsAt);
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
