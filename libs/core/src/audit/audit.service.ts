import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { Caller } from '../http/caller.js';
import { type Page, skipOf, toPage } from '../http/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import { type AuditEntryDto, type AuditQueryDto, toAuditEntryDto } from './audit.dto.js';
import { auditSnapshot } from './audit-snapshot.js';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /**
   * Must be called with the transaction's manager, so the entry commits or rolls back with the change.
   * Written by core_write_audit, the one writer of audit_log (migration 1763740000060), as every other entry is.
   */
  async record(manager: EntityManager, caller: Caller, record: AuditRecord): Promise<void> {
    await manager.query(
      `SELECT core_write_audit($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        caller.userId || null,
        caller.role,
        record.action,
        record.entity,
        record.entityId,
        auditSnapshot(record.before),
        auditSnapshot(record.after),
        caller.requestId || null,
      ],
    );
  }

  async list(query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const builder = this.entries.createQueryBuilder('a');
    if (query.entity) builder.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('a.action = :action', { action: query.action });
    if (query.from) builder.andWhere('a.at >= :from', { from: query.from });
    if (query.to) builder.andWhere('a.at < :to', { to: query.to });
    const [rows, total] = await builder
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return toPage(rows, total, query, toAuditEntryDto);
  }

  /**
   * Erasure: removes these keys from the snapshots of one record's entries, which stay (who did what, when)
   * without the values. In the caller's transaction; the audit trail's only change after it is written.
   */
  async eraseValues(manager: EntityManager, entity: string, entityId: string, keys: string[]): Promise<void> {
    await manager.query(`UPDATE audit_log SET before = before - $3::text[], after = after - $3::text[] WHERE entity = $1 AND entity_id = $2`, [
      entity,
      entityId,
      keys,
    ]);
  }
}
