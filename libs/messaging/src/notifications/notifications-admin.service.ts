import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AuditService } from '#core/audit/audit.service.js';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { ConflictError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, PageMetaDto, pageOf, PageQueryDto, skipOf, toPage } from '#core/http/pagination.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { mailCopyNames, readMailCopy } from '../mail/mail-copies.js';
import { mailFolder } from '../mail/mail-transport.provider.js';
import { MESSAGE_KINDS } from '../templates/message-kinds.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['queued', 'sent', 'failed'] })
  @IsOptional()
  @IsIn(['queued', 'sent', 'failed'])
  status?: 'queued' | 'sent' | 'failed';

  @ApiPropertyOptional({ enum: MESSAGE_KINDS })
  @IsOptional()
  @IsIn(MESSAGE_KINDS)
  kind?: string;

  @ApiPropertyOptional({
    description: "The recipient: their account id (uuid), or the address messages went to (case does not matter)",
    maxLength: 320,
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  recipient?: string;
}

/** The list's filters, $1 to $4: status, kind, recipient's account, recipient's address (each null for any). */
const FILTER = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
  AND ($3::uuid IS NULL OR recipient_user_id = $3) AND ($4::text IS NULL OR lower(recipient_email) = lower($4))`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: ['zh', 'en', 'ru'] }) language: string;
  @ApiProperty({ enum: ['queued', 'sent', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) providerMessageId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) recipientUserId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPageDto extends PageMetaDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
}

export class MailFileDto {
  @ApiProperty() file: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ format: 'date-time', description: 'When the copy was written (the message was sent)' }) writtenAt: string;
  @ApiProperty({ description: 'The To header as sent' }) to: string;
  @ApiProperty({ description: 'The subject as sent, decoded' }) subject: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The message in /api/notifications this copy is of' })
  notificationId: string | null;
}

export class MailFilePageDto extends PageMetaDto {
  @ApiProperty({ type: [MailFileDto] }) items: MailFileDto[];
}

/** Organisers see messages (failed ones especially) and send a failed one again; admins see the .eml folder. */
@Injectable()
export class NotificationsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Addresses are not listed (the account id finds them), but an organiser looking into one guest's messages filters by either. */
  async list(query: ListNotificationsQueryDto): Promise<Page<NotificationDto>> {
    // An account id or an address; an address matches however it was capitalised when the message was recorded.
    const recipient = query.recipient === undefined ? [null, null] : UUID.test(query.recipient) ? [query.recipient, null] : [null, query.recipient];
    const filter = [query.status ?? null, query.kind ?? null, ...recipient];
    const rows = (await this.dataSource.query(
      `SELECT id, kind, language, status, attempts, last_error, provider_message_id, recipient_user_id, created_at, count(*) OVER () AS total
         FROM notification WHERE ${FILTER}
        ORDER BY created_at DESC, id OFFSET $5 LIMIT $6`,
      [...filter, skipOf(query), query.pageSize],
    )) as { id: string; kind: string; language: string; status: string; attempts: number; last_error: string | null; provider_message_id: string | null; recipient_user_id: string | null; created_at: Date; total: string }[];
    // Past the last page the window count is missing, so the total is counted on its own.
    const total = rows[0]
      ? Number(rows[0].total)
      : Number(
          (
            (await this.dataSource.query(
              `SELECT count(*) AS n FROM notification WHERE ${FILTER}`,
              filter,
            )) as { n: string }[]
          )[0].n,
        );
    return toPage(rows, total, query, (r) => ({
      id: r.id,
      kind: r.kind,
      language: r.language,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      providerMessageId: r.provider_message_id,
      recipientUserId: r.recipient_user_id,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** A failed message goes back to the queue (a new delivery job, through the outbox). */
  async retry(caller: Caller, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, changed] = (await manager.query(
        `UPDATE notification SET status = 'queued', updated_at = now() WHERE id = $1 AND status = 'failed'`,
        [id],
      )) as [unknown, number];
      if (!changed) {
        const [exists] = await manager.query(`SELECT 1 FROM notification WHERE id = $1`, [id]);
        if (!exists) throw new NotFoundError('Notification', { id });
        throw new ConflictError('NOT_FAILED', 'Only a failed message can be retried');
      }
      await this.outbox.add(manager, JobName.DeliverNotification, { notificationId: id });
      await this.audit.record(manager, caller, { action: 'notification.retried', entity: 'notification', entityId: id });
    });
  }

  /** What the embedded default "sent": the .eml files under DATA_DIR/mail, newest first. */
  async mailFiles(query: PageQueryDto): Promise<Page<MailFileDto>> {
    const folder = mailFolder(this.config);
    const page = pageOf(await mailCopyNames(folder), query);
    // A copy deleted between the listing and the read (an erasure) is left out rather than failing the page.
    const items = await Promise.all(page.items.map((file) => readMailCopy(folder, file).catch(() => null)));
    return { ...page, items: items.filter((item): item is MailFileDto => item !== null) };
  }
}
