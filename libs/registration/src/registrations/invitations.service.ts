import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { OutboxService } from '#core/outbox/outbox.service.js';
import { JobName } from '#core/queue/queue-names.js';
import { EventRepository } from '#programme/index.js';
import { FieldCipher } from '#core/crypto/field-cipher.js';
import { parseGuestList } from '../guest-list/parse-guest-list.js';
import { type Page, type PageQueryDto, skipOf } from '#core/http/pagination.js';
import type { GuestListReportDto, InvitationDto, InvitationState, InvitationSummaryDto, InviteGuestDto } from './invitation.dto.js';
import { guestListInvalid } from './registration-errors.js';
import { hashToken } from './registration-intake.service.js';

const INVITATION_DAYS = 60;

/** Invitations: one by one, or a whole guest list at once (all rows or none). Each carries a single-use token. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly events: EventRepository,
  ) {}

  async invite(caller: Caller, eventId: string, guest: InviteGuestDto): Promise<InvitationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.eventOrFail(manager, eventId);
      return this.create(manager, caller, eventId, guest);
    });
  }

  /** Reads a CSV or XLSX guest list; with dryRun only reports. Any bad row (or one already invited) means no import. */
  async importGuestList(caller: Caller, eventId: string, file: Buffer, format: 'csv' | 'xlsx', dryRun: boolean): Promise<GuestListReportDto> {
    const parsed = await parseGuestList(file, format);
    return this.dataSource.transaction(async (manager) => {
      await this.eventOrFail(manager, eventId);
      const rowOf = new Map(parsed.rows.map((row) => [row.email, row.sourceRow]));
      const already = (await manager.query(`SELECT email FROM invitation WHERE event_id = $1 AND email = ANY($2::text[])`, [
        eventId,
        [...rowOf.keys()],
      ])) as { email: string }[];
      const errors = [
        ...parsed.errors,
        ...already.map(({ email }) => ({ row: rowOf.get(email)!, field: 'email', code: 'already_invited' as const, reason: `${email} is already invited to this event` })),
      ].sort((a, b) => a.row - b.row);
      const guests = parsed.rows.map((row) => ({ row: row.sourceRow, email: row.email, nameNative: row.nameNative, nameLatin: row.nameLatin, country: row.country, category: row.category }));
      const report = { dryRun, rowsRead: parsed.rowsRead, rows: parsed.rows.length, invited: 0, errors, guests };
      if (errors.length && !dryRun) throw guestListInvalid(errors);
      if (dryRun) return report;
      for (const row of parsed.rows) {
        await this.create(manager, caller, eventId, {
          email: row.email,
          nameNative: row.nameNative,
          nameLatin: row.nameLatin,
          country: row.country,
          category: row.category,
          preferredLanguage: row.preferredLanguage,
          organisation: row.organisation ?? undefined,
          organisationType: row.organisationType ?? undefined,
          position: row.position ?? undefined,
          phone: row.phone ?? undefined,
          delegation: row.delegation ?? undefined,
        });
      }
      return { ...report, invited: parsed.rows.length };
    });
  }

  /** The edition's invitations, newest first, each with what became of it. */
  async list(eventId: string, query: PageQueryDto): Promise<Page<InvitationSummaryDto>> {
    if (!(await this.events.exists(this.dataSource.manager, eventId))) throw new NotFoundError('Event', { eventId });
    const rows = (await this.dataSource.query(
      `SELECT i.id, i.email, i.guest, i.created_at, i.expires_at, i.used_at, i.revoked_at, r.id AS registration_id,
              count(*) OVER () AS total
         FROM invitation i LEFT JOIN registration r ON r.invitation_id = i.id
        WHERE i.event_id = $1
        ORDER BY i.created_at DESC, i.email
        LIMIT $2 OFFSET $3`,
      [eventId, query.pageSize, skipOf(query)],
    )) as InvitationRow[];
    const total = rows.length ? Number(rows[0].total) : await this.count(eventId);
    return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
  }

  /** A page past the end still says how many there are. */
  private async count(eventId: string): Promise<number> {
    const [{ total }] = (await this.dataSource.query(`SELECT count(*) AS total FROM invitation WHERE event_id = $1`, [eventId])) as { total: string }[];
    return Number(total);
  }

  private async create(manager: EntityManager, caller: Caller, eventId: string, guest: InviteGuestDto): Promise<InvitationDto> {
    const token = randomBytes(24).toString('base64url');
    const [row] = (await manager.query(
      `INSERT INTO invitation (event_id, email, guest, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id, expires_at`,
      [eventId, guest.email, guest, hashToken(token), caller.userId || null, INVITATION_DAYS],
    )) as { id: string; expires_at: Date }[];
    await this.audit.record(manager, caller, { action: 'invitation.created', entity: 'invitation', entityId: row.id, after: { category: guest.category, country: guest.country } });
    await this.outbox.add(manager, JobName.InvitationCreated, {
      invitationId: row.id,
      encryptedToken: this.cipher.encrypt(token, row.id).toString('base64'),
    });
    return { id: row.id, email: guest.email, expiresAt: row.expires_at.toISOString(), token };
  }

  private async eventOrFail(manager: EntityManager, eventId: string): Promise<void> {
    if (!(await this.events.exists(manager, eventId))) throw new NotFoundError('Event', { eventId });
  }
}

interface InvitationRow {
  id: string;
  email: string;
  guest: InviteGuestDto;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  registration_id: string | null;
  total: string;
}

function stateOf(row: InvitationRow): InvitationState {
  if (row.used_at) return 'accepted';
  if (row.revoked_at) return 'revoked';
  return row.expires_at.getTime() < Date.now() ? 'expired' : 'open';
}

function toSummary(row: InvitationRow): InvitationSummaryDto {
  return {
    id: row.id,
    email: row.email,
    nameNative: row.guest.nameNative,
    nameLatin: row.guest.nameLatin,
    country: row.guest.country,
    category: row.guest.category,
    organisation: row.guest.organisation ?? null,
    delegation: row.guest.delegation ?? null,
    state: stateOf(row),
    registrationId: row.registration_id,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}
