import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { OutboxRelayService } from '#core/outbox/outbox-relay.service.js';

/**
 * Runs the relay in a loop: straight on while there is a backlog, every
 * OUTBOX_POLL_MS when idle, backing off after an error (the database or the queue
 * is away; nothing is lost, the rows wait in the outbox).
 */
@Injectable()
export class OutboxRelayRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayRunner.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly relay: OutboxRelayService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const moved = await this.relay.relayOnce();
        failures = 0;
        if (moved < this.config.outboxBatchSize) await this.sleep(this.config.outboxPollMs);
      } catch (error) {
        failures += 1;
        this.logger.warn({ err: error, failures }, 'outbox relay pass failed; retrying');
        await this.sleep(Math.min(30_000, this.config.outboxPollMs * 2 ** Math.min(failures, 6)));
      }
    }
  }
}
