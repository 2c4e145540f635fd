import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Language } from '#core/i18n/language.js';
import { MAIL_TRANSPORT, type MailTransport } from '../mail/mail-transport.js';
import { type CalendarEntry, sessionCalendar } from '../mail/session-calendar.js';
import type { MessageKind } from '../templates/message-kinds.js';
import { renderMessage } from '../templates/message-templates.js';

interface NotificationRow {
  id: string;
  kind: MessageKind;
  recipient_email: string;
  language: Language;
  status: string;
  payload: Record<string, string | number> & { calendar?: CalendarEntry };
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
  ) {}

  async deliver(notificationId: string, finalAttempt: boolean): Promise<'sent' | 'skipped'> {
    const [row] = (await this.dataSource.query(
      `SELECT id, kind, recipient_email, language, status, payload FROM notification WHERE id = $1`,
      [notificationId],
    )) as NotificationRow[];
    if (!row || row.status === 'sent') return 'skipped';
    try {
      const { calendar, ...values } = row.payload;
      const message = renderMessage(row.kind, row.language, values);
      const result = await this.transport.send({
        to: row.recipient_email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${row.id}@sco-backoffice>`,
        attachments: calendar
          ? [{ filename: 'session.ics', content: sessionCalendar(calendar), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
          : undefined,
      });
      await this.dataSource.query(
        `UPDATE notification SET status = 'sent', attempts = attempts + 1, provider_message_id = $2, last_error = NULL, updated_at = now()
          WHERE id = $1 AND status <> 'sent'`,
        [row.id, result.providerMessageId],
      );
      return 'sent';
    } catch (error) {
      // The job retries with backoff; after its last attempt the message is failed and listed for organisers.
      await this.dataSource.query(
        `UPDATE notification SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
          WHERE id = $1 AND status <> 'sent'`,
        [row.id, String((error as Error).message).slice(0, 1000), finalAttempt],
      );
      // The server's reply can quote the address, so the log gets codes only; the text stays in the row.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn({ notificationId: row.id, kind: row.kind, code, responseCode, finalAttempt }, 'message not sent');
      throw error;
    }
  }
}
