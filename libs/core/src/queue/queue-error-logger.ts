import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from './queue-names.js';

/** One line per queue at most this often while its backend stays away. */
const QUIET_MS = 30_000;

/**
 * A queue whose backend (Redis, or PostgreSQL for the zero-config start) is away emits an error on every
 * reconnection attempt; with no listener BullMQ prints each as a multi-line dump on stderr, connection
 * objects and all, which breaks the JSON log lines. Here each becomes one short warning, at most every 30 s.
 */
@Injectable()
export class QueueErrorLogger implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queue');

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      let quietUntil = 0;
      queue.on('error', (error: Error & { code?: string }) => {
        if (Date.now() < quietUntil) return;
        quietUntil = Date.now() + QUIET_MS;
        this.logger.warn({ queue: name, code: error.code, reason: error.message.split('\n')[0].slice(0, 200) }, 'queue backend unavailable');
      });
    }
  }
}
