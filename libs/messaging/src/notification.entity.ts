import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Language } from '#core/i18n/language.js';

export type NotificationStatus = 'queued' | 'sent' | 'failed';

/**
 * One message to one recipient. (kind, trigger, recipient) is unique, so a job
 * that runs twice still records one message.
 */
@Entity({ name: 'notification' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: string;

  /** What caused it (e.g. `user:<id>` for a welcome); with kind and recipient, the idempotency key. */
  @Column({ name: 'trigger_key', type: 'text' })
  triggerKey: string;

  /** `user:<id>` or `email:<address>`: with kind and trigger, the idempotency key. */
  @Column({ name: 'recipient_key', type: 'text' })
  recipientKey: string;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ name: 'recipient_email', type: 'text' })
  recipientEmail: string;

  @Column({ type: 'text' })
  language: Language;

  @Column({ type: 'text' })
  status: NotificationStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
