import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { DataSource } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail-transport.js';
import { type CalendarEntry, sessionCalendar } from '../mail/session-calendar.js';
import type { MessageKind } from '../templates/message-kinds.js';
import { renderMessage } from '../templates/message-templates.js';
import type { SealedLink } from './notification-recorder.service.js';

/** Servers quote the recipient in their replies; organisers read the error, so addresses are masked. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');
}

/** Thrown so that the job retries later: another sender holds the message right now. */
export class DeliveryInProgressError extends Error {
  constructor(notificationId: string) {
    super(`notification ${notificationId} is being sent by another job`);
  }
}

/**
 * Thrown after deliver() has written the refusal into the row (an attempt counted, and on the last attempt the
 * status failed). The row's fate is decided: whoever sees this error must not decide it again. Its message is
 * masked, because BullMQ keeps it as the job's failure reason.
 */
export class MessageRefusedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
  ) {
    super(message);
    this.name = 'MessageRefusedError';
  }
}

interface NotificationRow {
  id: string;
  kind: MessageKind;
  recipient_email: string;
  language: Language;
  status: string;
  payload: Record<string, string | number> & { calendar?: CalendarEntry; sealedLink?: SealedLink };
}

/**
 * Sends one recorded notification. Delivery is at least once: a message already
 * marked sent is skipped; if the worker dies after the server accepted it and
 * before the row is marked, the retry sends it again with the same Message-ID.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    private readonly cipher: FieldCipher,
  ) {}

  /** Marks a message failed when its job died without reaching deliver()'s own handling (a stalled worker). */
  async markUndelivered(notificationId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // A sender holding the row decides its fate; this does not wait long for it.
      await manager.query(`SET LOCAL lock_timeout = '5s'`);
      await manager.query(
        `UPDATE notification SET status = 'failed', last_error = coalesce(last_error, $2), updated_at = now() WHERE id = $1 AND status = 'queued'`,
        [notificationId, withoutAddresses(reason).slice(0, 1000)],
      );
    });
  }

  /**
   * The row is locked while its message is handed to the server, so two jobs for one
   * message (a retry from each admin screen, say) cannot both send it: the second
   * finds the row locked, backs off, and finds it sent (or sends it) when it comes back.
   */
  async deliver(notificationId: string, finalAttempt: boolean): Promise<'sent' | 'skipped'> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT id, kind, recipient_email, language, status, payload FROM notification WHERE id = $1 FOR UPDATE SKIP LOCKED`,
        [notificationId],
      )) as NotificationRow[];
      if (!row) {
        // Locked by another sender (a duplicate job, or a dying worker's transaction not yet rolled back): that
        // sender may still fail, so this job must not end as done. It retries with backoff and finds the row
        // sent, or sends it.
        const [other] = (await manager.query(`SELECT status FROM notification WHERE id = $1`, [notificationId])) as { status: string }[];
        if (other && other.status === 'queued') return { result: 'busy' as const };
        return { result: 'skipped' as const };
      }
      // Only a queued message is sent: a sent one is done, and a failed one waits for an organiser's retry
      // (which queues it again), not for a stray job.
      if (row.status !== 'queued') return { result: 'skipped' as const };
      try {
        const { calendar, sealedLink, ...values } = row.payload;
        if (sealedLink) {
          const secret = this.cipher.decrypt(Buffer.from(sealedLink.sealed, 'base64'), sealedLink.recordId);
          values[sealedLink.placeholder] = `${sealedLink.prefix}${encodeURIComponent(secret)}`;
        }
        const message = renderMessage(row.kind, row.language, values);
        const sent = await this.transport.send({
          to: row.recipient_email,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${row.id}@sco-backoffice>`,
          attachments: calendar
            ? [{ filename: 'session.ics', content: sessionCalendar(calendar), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
            : undefined,
        });
        await manager.query(
          `UPDATE notification SET status = 'sent', attempts = attempts + 1, provider_message_id = $2, last_error = NULL, updated_at = now() WHERE id = $1`,
          [row.id, sent.providerMessageId],
        );
        return { result: 'sent' as const };
      } catch (error) {
        // Recorded in this transaction, thrown after it commits: the job retries with backoff, and after
        // its last attempt the message is failed and listed for organisers.
        await manager.query(
          `UPDATE notification SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
            WHERE id = $1`,
          [row.id, withoutAddresses(String((error as Error).message)).slice(0, 1000), finalAttempt],
        );
        return { result: 'error' as const, error, kind: row.kind };
      }
    });
    if (outcome.result === 'busy') throw new DeliveryInProgressError(notificationId);
    if (outcome.result !== 'error') return outcome.result;
    // The server's reply can quote the address, so the log gets codes only; the text stays in the row, masked.
    const { code, responseCode } = outcome.error as { code?: string; responseCode?: number };
    this.logger.warn({ notificationId, kind: outcome.kind, code, responseCode, finalAttempt }, 'message not sent');
    throw new MessageRefusedError(withoutAddresses(String((outcome.error as Error).message)), code, responseCode);
  }
}
