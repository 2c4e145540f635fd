import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import type { CalendarEntry } from '../mail/session-calendar.js';
import type { MessageKind } from '../templates/message-kinds.js';

export interface NotificationRequest {
  kind: MessageKind;
  /** What caused it; with kind and recipient, the key that makes a repeated job record one message. */
  triggerKey: string;
  recipientUserId: string | null;
  recipientEmail: string;
  language: Language;
  /** The template's placeholders. */
  values: Record<string, string | number>;
  /** A session to attach as an .ics file (seat confirmations). */
  calendar?: CalendarEntry;
  /** A link whose secret stays encrypted at rest, opened only when the message is sent. */
  sealedLink?: SealedLink;
}

export interface SealedLink {
  placeholder: string;
  prefix: string;
  /** Base64 FieldCipher output, bound to recordId. */
  sealed: string;
  recordId: string;
}

/**
 * Records a message and, in the same transaction, the job that will send it.
 * (kind, trigger, recipient) is unique: a second run of the same trigger finds
 * the row and schedules nothing, so one trigger and one recipient give one message.
 */
@Injectable()
export class NotificationRecorder {
  constructor(private readonly outbox: OutboxService) {}

  async record(manager: EntityManager, request: NotificationRequest): Promise<{ notificationId: string; created: boolean }> {
    const inserted = (await manager.query(
      `INSERT INTO notification (kind, trigger_key, recipient_user_id, recipient_email, language, status, attempts, payload)
       VALUES ($1, $2, $3, $4, $5, 'queued', 0, $6)
       ON CONFLICT (kind, trigger_key, recipient_key) DO NOTHING RETURNING id`,
      [
        request.kind,
        request.triggerKey,
        request.recipientUserId,
        request.recipientEmail,
        request.language,
        { ...request.values, ...(request.calendar ? { calendar: request.calendar } : {}), ...(request.sealedLink ? { sealedLink: request.sealedLink } : {}) },
      ],
    )) as { id: string }[];
    if (inserted[0]) {
      await this.outbox.add(manager, JobName.DeliverNotification, { notificationId: inserted[0].id });
      return { notificationId: inserted[0].id, created: true };
    }
    const [existing] = (await manager.query(
      `SELECT id FROM notification WHERE kind = $1 AND trigger_key = $2
          AND recipient_key = CASE WHEN $3::uuid IS NOT NULL THEN 'user:' || $3::text ELSE 'email:' || lower($4) END`,
      [request.kind, request.triggerKey, request.recipientUserId, request.recipientEmail],
    )) as { id: string }[];
    return { notificationId: existing.id, created: false };
  }
}
