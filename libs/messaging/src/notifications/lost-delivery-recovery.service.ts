import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { JobName } from '#core/queue/queue-names.js';

/** Bounds one pass; a larger loss is taken up by the next passes. */
const MAX_PER_PASS = 10_000;

/**
 * Once the relay has moved a message's delivery job from the outbox to the queue, the queue alone holds it.
 * A queue that loses its data (Redis restarted without persistence, a flush, a failover to an empty replica)
 * loses the job, and nothing would ever send the message: its row would stay `queued` for good.
 *
 * This finds messages still queued NOTIFICATION_RECOVERY_SECONDS after their job was relayed, and re-opens
 * their outbox rows. The relay then publishes each job again under the same job id: a queue that still holds
 * the job (a long backlog, a retry waiting out its backoff) ignores it, and one that lost it gets it back.
 * Delivery skips a row already sent and locks the row while sending, so a message is not sent twice by this.
 */
@Injectable()
export class LostDeliveryRecovery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Re-opens the outbox rows of stale deliveries; returns how many. */
  async reopenStale(): Promise<number> {
    const age = this.config.notificationRecoverySeconds;
    // Cheap when all is well: the status index finds no stale queued row, and the outbox is not read at all.
    const stale = (await this.dataSource.query(
      `SELECT id::text AS id FROM notification
        WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1) AND updated_at < now() - make_interval(secs => $1)
        ORDER BY created_at
        LIMIT $2`,
      [age, MAX_PER_PASS],
    )) as { id: string }[];
    if (stale.length === 0) return 0;
    // Only rows relayed a while ago: an unsent row is the relay's already, and a row re-opened by an earlier
    // pass is relayed again (its sent_at renewed) before it can be re-opened once more.
    // (TypeORM answers an UPDATE with [rows, rowCount].)
    // The status is checked again in the same statement: a message sent or failed since the look-up is left alone.
    const [, reopened] = (await this.dataSource.query(
      `UPDATE outbox o SET sent_at = NULL
         FROM notification n
        WHERE o.name = $1 AND o.sent_at < now() - make_interval(secs => $2)
          AND o.payload->>'notificationId' = ANY($3::text[])
          AND n.id = (o.payload->>'notificationId')::uuid AND n.status = 'queued'`,
      [JobName.DeliverNotification, age, stale.map((row) => row.id)],
    )) as [unknown[], number];
    return reopened;
  }
}
