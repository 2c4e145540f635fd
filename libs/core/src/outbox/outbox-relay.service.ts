import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ALL_QUEUES } from '../queue/queue-names.js';

export interface ClaimedMessage {
  id: string;
  jobKey: string;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
}

/** The job id is derived from the outbox row, so a row relayed twice is one job. */
export function outboxJobId(jobKey: string): string {
  return `outbox-${jobKey}`;
}

/** A queue backend that does not answer must not hold the claimed rows' locks for ever. */
const PUBLISH_TIMEOUT_MS = 10_000;

/**
 * Moves committed outbox rows to BullMQ, at least once. Rows are claimed with
 * FOR UPDATE SKIP LOCKED so several workers share the backlog without both
 * relaying one row; if a relay dies after enqueueing and before marking, the row
 * is relayed again and BullMQ keeps the first job with that id.
 */
@Injectable()
export class OutboxRelayService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Relays one batch; returns how many rows it moved. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.claim(manager);
      if (rows.length === 0) return 0;
      await this.publish(rows);
      await this.markSent(manager, rows);
      return rows.length;
    });
  }

  async claim(manager: EntityManager): Promise<ClaimedMessage[]> {
    const rows = (await manager.query(
      `SELECT id::text AS id, job_key AS "jobKey", queue, name, payload
         FROM outbox
        WHERE sent_at IS NULL AND due_at <= now() AND queue = ANY($2::text[])
        ORDER BY due_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      // Only queues this worker knows: during a rolling deploy, rows for a queue that only the
      // newer version has wait for a newer worker instead of failing every batch of an older one.
      [this.config.outboxBatchSize, ALL_QUEUES],
    )) as ClaimedMessage[];
    return rows;
  }

  async publish(rows: ClaimedMessage[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the queue backend did not accept jobs within ${PUBLISH_TIMEOUT_MS} ms`)), PUBLISH_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.enqueue(rows), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async enqueue(rows: ClaimedMessage[]): Promise<void> {
    const byQueue = new Map<string, ClaimedMessage[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
    for (const [queueName, messages] of byQueue) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
      await queue.addBulk(
        messages.map((message) => ({
          name: message.name,
          data: message.payload,
          opts: { jobId: outboxJobId(message.jobKey) },
        })),
      );
    }
  }

  async markSent(manager: EntityManager, rows: ClaimedMessage[]): Promise<void> {
    await manager.query(`UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
  }
}
