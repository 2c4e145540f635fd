import type { AuditRecord } from '../audit/audit.service.js';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import type { Caller } from '../http/caller.js';
import { JOB_CONTRACTS, validateJobPayload } from '../queue/job-payloads.js';
import type { JobName } from '../queue/queue-names.js';

/**
 * The positional parameters of one statement put together from fragments: each fragment adds its values
 * and writes the placeholders it gets back, so fragments compose without counting `$n` by hand.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, cast to `type` when given (a CTE's SELECT does not infer it). */
  add(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }
}

/**
 * The row AuditService.record writes, as an `INSERT … SELECT` for a data-modifying CTE of the statement that
 * makes the change (`audit AS (${auditInsertSql(…)})`): one row per row of `source`, e.g. `FROM ins` or
 * `FROM ins WHERE ins.status = 'approved'`, so it is written exactly when the change is, in the same
 * statement, without a round trip of its own. Same columns and snapshots as AuditService.record.
 */
export function auditInsertSql(params: SqlParams, caller: Caller, record: AuditRecord, source: string): string {
  // Serialised here rather than by the driver, which would turn a top-level array into a PostgreSQL array.
  const json = (value: object | null | undefined) => {
    const snapshot = auditSnapshot(value);
    return snapshot === null ? null : JSON.stringify(snapshot);
  };
  return `INSERT INTO audit_log (actor_id, actor_role, action, entity, entity_id, before, after, request_id)
    SELECT ${params.add(caller.userId || null, 'uuid')}, ${params.add(caller.role, 'text')}, ${params.add(record.action, 'text')},
           ${params.add(record.entity, 'text')}, ${params.add(record.entityId, 'text')}, ${params.add(json(record.before), 'jsonb')},
           ${params.add(json(record.after), 'jsonb')}, ${params.add(caller.requestId || null, 'text')}
      ${source}`;
}

/**
 * The row OutboxService.add writes, as an `INSERT … SELECT` for a data-modifying CTE, one per row of `source`
 * (see auditInsertSql). The payload is validated now, in TypeScript, as OutboxService.add does: a bad payload
 * fails the request that made it.
 */
export function outboxInsertSql(params: SqlParams, name: JobName, payload: object, source: string, options: { deliverAt?: Date } = {}): string {
  const valid = validateJobPayload(name, payload);
  return `INSERT INTO outbox (queue, name, payload, deliver_at)
    SELECT ${params.add(JOB_CONTRACTS[name].queue, 'text')}, ${params.add(name, 'text')}, ${params.add(JSON.stringify({ ...valid }), 'jsonb')},
           ${params.add(options.deliverAt ?? null, 'timestamptz')}
      ${source}`;
}
