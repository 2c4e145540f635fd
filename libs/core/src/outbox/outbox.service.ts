import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { validateJobPayload } from '../queue/job-payloads.js';
import type { JobName } from '../queue/queue-names.js';

export interface OutboxBacklog {
  pending: number;
  oldestAgeSeconds: number | null;
}

@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a job in the caller's transaction. The payload is validated now, so a
   * bad payload fails the request that made it rather than a job hours later.
   * `deliverAt` delays the job: the row waits here and is relayed when due; a past time means at once.
   * Written by core_enqueue, the one writer of outbox rows (migration 1763740000060), which takes the queue from
   * the job's contract and checks the payload's keys again, as it does for the writers in SQL.
   */
  async add(manager: EntityManager, name: JobName, payload: object, options: { deliverAt?: Date } = {}): Promise<string> {
    const valid = validateJobPayload(name, payload);
    const [row] = (await manager.query(`SELECT core_enqueue($1, $2, $3)::text AS id`, [name, { ...valid }, options.deliverAt ?? null])) as {
      id: string;
    }[];
    return row.id;
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              extract(epoch FROM now() - min(due_at))::float AS oldest
         FROM outbox WHERE sent_at IS NULL AND due_at <= now()`,
    )) as { pending: number; oldest: number | null }[];
    return { pending: row.pending, oldestAgeSeconds: row.oldest === null ? null : Math.round(row.oldest) };
  }
}
