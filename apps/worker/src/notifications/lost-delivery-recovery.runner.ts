import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { LostDeliveryRecovery } from '#messaging/index.js';

/** How often to look: twice per NOTIFICATION_RECOVERY_SECONDS, and at least once a minute. */
export function recoveryIntervalMs(config: AppConfig): number {
  return Math.min(60_000, Math.max(1000, (config.notificationRecoverySeconds * 1000) / 2));
}

/**
 * Looks for messages whose delivery job the queue lost, every so often (see LostDeliveryRecovery). Several
 * workers may run it at once: re-opening a row twice is the same as once. A failed pass (the database away)
 * is logged and tried again at the next tick.
 */
@Injectable()
export class LostDeliveryRecoveryRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LostDeliveryRecoveryRunner.name);
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private running = false;

  constructor(
    private readonly recovery: LostDeliveryRecovery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.pass = this.runOnce().finally(() => this.schedule());
    }, recoveryIntervalMs(this.config));
  }

  private async runOnce(): Promise<void> {
    try {
      const reopened = await this.recovery.reopenStale();
      // Counts only: the rows name recipients.
      if (reopened > 0) {
        this.logger.warn({ reopened, afterSeconds: this.config.notificationRecoverySeconds }, 'messages still unsent long after their job was queued: jobs published again');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'lost-delivery recovery pass failed; retrying at the next tick');
    }
  }
}
