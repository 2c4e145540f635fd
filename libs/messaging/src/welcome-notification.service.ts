import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '#identity/users/users.service.js';

export interface RecordedNotification {
  notificationId: string;
  /** False when the notification already existed: the job ran before. */
  created: boolean;
}

/**
 * The first real job: a new user's welcome message is recorded (sending email
 * comes with the messaging issue). Idempotent: the unique key (kind, trigger,
 * recipient) makes a second run a no-op that returns the same row.
 */
@Injectable()
export class WelcomeNotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async record(userId: string): Promise<RecordedNotification> {
    const user = await this.users.get(userId);
    const trigger = `user:${user.id}`;
    const recipient = `user:${user.id}`;
    const [row] = (await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO notification (kind, trigger_key, recipient_key, recipient_user_id, recipient_email, language, status, attempts, payload)
         VALUES ('welcome', $1, $2, $3, $4, $5, 'queued', 0, $6)
         ON CONFLICT (kind, trigger_key, recipient_key) DO NOTHING
         RETURNING id, true AS created)
       SELECT id, created FROM inserted
       UNION ALL
       SELECT id, false FROM notification WHERE kind = 'welcome' AND trigger_key = $1 AND recipient_key = $2
       LIMIT 1`,
      [trigger, recipient, user.id, user.email, user.preferredLanguage, { displayName: user.displayName, role: user.role }],
    )) as { id: string; created: boolean }[];
    if (row) return { notificationId: row.id, created: row.created };
    // A concurrent run inserted the row after this statement's snapshot was taken: read it now.
    const [existing] = (await this.dataSource.query(
      `SELECT id FROM notification WHERE kind = 'welcome' AND trigger_key = $1 AND recipient_key = $2`,
      [trigger, recipient],
    )) as { id: string }[];
    return { notificationId: existing.id, created: false };
  }
}
