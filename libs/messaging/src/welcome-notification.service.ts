import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '#core/errors/app-error.js';

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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(userId: string): Promise<RecordedNotification> {
    const [user] = (await this.dataSource.query(
      `SELECT id, email, display_name, preferred_language, role FROM app_user WHERE id = $1`,
      [userId],
    )) as { id: string; email: string; display_name: string; preferred_language: string; role: string }[];
    if (!user) throw new NotFoundError('User', { id: userId });
    const inserted = (await this.dataSource.query(
      `INSERT INTO notification (kind, trigger_key, recipient_user_id, recipient_email, language, status, attempts, payload)
       VALUES ('welcome', $1, $2, $3, $4, 'queued', 0, $5)
       ON CONFLICT (kind, trigger_key, recipient_email) DO NOTHING
       RETURNING id`,
      [
        `user:${user.id}`,
        user.id,
        user.email,
        user.preferred_language,
        JSON.stringify({ displayName: user.display_name, role: user.role }),
      ],
    )) as { id: string }[];
    if (inserted[0]) return { notificationId: inserted[0].id, created: true };
    const [existing] = (await this.dataSource.query(
      `SELECT id FROM notification WHERE kind = 'welcome' AND trigger_key = $1 AND recipient_email = $2`,
      [`user:${user.id}`, user.email],
    )) as { id: string }[];
    return { notificationId: existing.id, created: false };
  }
}
