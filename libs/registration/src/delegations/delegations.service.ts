import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '#core/audit/audit.service.js';
import { AppError, ConflictError, NotFoundError } from '#core/errors/app-error.js';
import type { Caller } from '#core/http/caller.js';
import { type Page, type PageQueryDto, skipOf } from '#core/http/pagination.js';
import type { RegistrationCategory, RegistrationStatus } from '../registration-vocabulary.js';
import { withArticle } from '#core/i18n/english-article.js';
import { EventRepository } from '#programme/index.js';
import type { DelegationDto, DelegationMemberDto, RegistrationDelegationDto, UpdateDelegationDto } from './delegation.dto.js';

interface DelegationRow {
  id: string;
  event_id: string;
  name: string;
  country: string | null;
  head_registration_id: string | null;
  head_confirmed_at: Date | null;
  head_name_native: string | null;
  head_name_latin: string | null;
}

interface MemberRow {
  delegation_id: string;
  id: string;
  name_native: string | null;
  name_latin: string | null;
  country: string | null;
  category: RegistrationCategory;
  status: RegistrationStatus;
}

const DELEGATION_COLUMNS = `d.id, d.event_id, d.name, d.country, d.head_registration_id, d.head_confirmed_at,
       h.name_native AS head_name_native, h.name_latin AS head_name_latin
  FROM delegation d LEFT JOIN registration h ON h.id = d.head_registration_id`;

function toSummary(row: DelegationRow): RegistrationDelegationDto {
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    head: row.head_registration_id
      ? {
          registrationId: row.head_registration_id,
          nameNative: row.head_name_native,
          nameLatin: row.head_name_latin,
          confirmed: row.head_confirmed_at !== null,
          confirmedAt: row.head_confirmed_at?.toISOString() ?? null,
        }
      : null,
  };
}

/**
 * Delegations of an edition. A delegation is made by its first registrant (registration-intake.service.ts), who may
 * claim to head it; organisers see every delegation with its members and confirm or change the head. The head is
 * always a member: the database holds that (delegation_head_member_fkey), this service only explains refusals.
 */
@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventRepository,
  ) {}

  async list(eventId: string, query: PageQueryDto): Promise<Page<DelegationDto>> {
    if (!(await this.events.exists(this.dataSource.manager, eventId))) throw new NotFoundError('Event', { eventId });
    const rows = (await this.dataSource.query(`SELECT ${DELEGATION_COLUMNS} WHERE d.event_id = $1 ORDER BY d.name, d.id OFFSET $2 LIMIT $3`, [
      eventId,
      skipOf(query),
      query.pageSize,
    ])) as DelegationRow[];
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM delegation WHERE event_id = $1`, [eventId])) as { n: number }[];
    return { items: await this.withMembers(this.dataSource.manager, rows), page: query.page, pageSize: query.pageSize, total: n };
  }

  /** An organiser names the head (a member); naming the current head confirms the claim its registrant made. */
  async update(caller: Caller, eventId: string, delegationId: string, dto: UpdateDelegationDto): Promise<DelegationDto> {
    return this.dataSource.transaction(async (manager) => {
      const [delegation] = (await manager.query(
        `SELECT id, head_registration_id, head_confirmed_at FROM delegation WHERE id = $1 AND event_id = $2 FOR UPDATE`,
        [delegationId, eventId],
      )) as { id: string; head_registration_id: string | null; head_confirmed_at: Date | null }[];
      if (!delegation) throw new NotFoundError('Delegation', { delegationId });
      // FOR SHARE: a cancellation or erasure of the new head waits for this change (and then clears or keeps it knowingly).
      const [member] = (await manager.query(
        `SELECT delegation_id, status, anonymised_at FROM registration WHERE id = $1 AND event_id = $2 FOR SHARE`,
        [dto.headRegistrationId, eventId],
      )) as { delegation_id: string | null; status: RegistrationStatus; anonymised_at: Date | null }[];
      if (!member || member.delegation_id !== delegationId) {
        throw new AppError(422, 'DELEGATION_HEAD_NOT_MEMBER', 'The head of a delegation must be one of its members', {
          delegationId,
          registrationId: dto.headRegistrationId,
        });
      }
      if (member.anonymised_at || member.status === 'cancelled' || member.status === 'rejected') {
        throw new ConflictError('DELEGATION_HEAD_INACTIVE', `${withArticle(member.anonymised_at ? 'erased' : member.status, true)} registration cannot head a delegation`, {
          registrationId: dto.headRegistrationId,
          status: member.status,
        });
      }
      await manager.query(`UPDATE delegation SET head_registration_id = $2, head_confirmed_at = now(), head_confirmed_by = $3 WHERE id = $1`, [
        delegationId,
        dto.headRegistrationId,
        caller.userId || null,
      ]);
      const before = { headRegistrationId: delegation.head_registration_id, confirmed: delegation.head_confirmed_at !== null };
      await this.audit.record(manager, caller, {
        action: delegation.head_registration_id === dto.headRegistrationId ? 'delegation.head_confirmed' : 'delegation.head_changed',
        entity: 'delegation',
        entityId: delegationId,
        before,
        after: { headRegistrationId: dto.headRegistrationId, confirmed: true },
      });
      const rows = (await manager.query(`SELECT ${DELEGATION_COLUMNS} WHERE d.id = $1`, [delegationId])) as DelegationRow[];
      return (await this.withMembers(manager, rows))[0];
    });
  }

  /** The delegations of these registrations, with their heads, for the registration list, detail and export. */
  async summaries(delegationIds: readonly (string | null)[]): Promise<Map<string, RegistrationDelegationDto>> {
    const ids = [...new Set(delegationIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT ${DELEGATION_COLUMNS} WHERE d.id = ANY($1::uuid[])`, [ids])) as DelegationRow[];
    return new Map(rows.map((row) => [row.id, toSummary(row)]));
  }

  private async withMembers(manager: EntityManager, rows: DelegationRow[]): Promise<DelegationDto[]> {
    const members = (await manager.query(
      `SELECT r.delegation_id, r.id, r.name_native, r.name_latin, r.country, r.category, r.status
         FROM registration r WHERE r.delegation_id = ANY($1::uuid[]) AND r.anonymised_at IS NULL
        ORDER BY r.name_latin NULLS LAST, r.id`,
      [rows.map((row) => row.id)],
    )) as MemberRow[];
    return rows.map((row) => {
      const own: DelegationMemberDto[] = members
        .filter((m) => m.delegation_id === row.id)
        .map((m) => ({
          registrationId: m.id,
          nameNative: m.name_native,
          nameLatin: m.name_latin,
          country: m.country,
          category: m.category,
          status: m.status,
          isHead: m.id === row.head_registration_id,
        }))
        // The head first, the rest in the order of the query.
        .sort((a, b) => Number(b.isHead) - Number(a.isHead));
      return { ...toSummary(row), eventId: row.event_id, memberCount: own.length, members: own };
    });
  }
}
