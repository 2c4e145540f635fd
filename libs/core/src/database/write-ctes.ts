import type { AuditRecord } from '../audit/audit.service.js';
import { auditSnapshot } from '../audit/audit-snapshot.js';
import type { Caller } from '../http/caller.js';
import { validateJobPayload } from '../queue/job-payloads.js';
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
 * The row AuditService.record writes, for a CTE of the statement that makes the change
 * (`audit AS (${auditWriteSql(…)})`): one core_write_audit call per row of `source`, e.g. `FROM ins` or
 * `FROM ins WHERE ins.status = 'approved'`, so it is written exactly when the change is, in the same statement,
 * without a round trip of its own. Same columns and snapshots as AuditService.record, through the same writer.
 *
 * The CTE is a SELECT, and PostgreSQL runs a SELECT in WITH only as far as the primary query reads it (unlike an
 * INSERT, which always runs): the statement must read it, with `readAllSql` in its primary SELECT.
 */
export function auditWriteSql(params: SqlParams, caller: Caller, record: AuditRecord, source: string): string {
  // Serialised here rather than by the driver, which would turn a top-level array into a PostgreSQL array.
  const json = (value: object | null | undefined) => {
    const snapshot = auditSnapshot(value);
    return snapshot === null ? null : JSON.stringify(snapshot);
  };
  return `SELECT core_write_audit(${params.add(caller.userId || null, 'uuid')}, ${params.add(caller.role, 'text')}, ${params.add(record.action, 'text')},
           ${params.add(record.entity, 'text')}, ${params.add(record.entityId, 'text')}, ${params.add(json(record.before), 'jsonb')},
           ${params.add(json(record.after), 'jsonb')}, ${params.add(caller.requestId || null, 'text')}) AS id
      ${source}`;
}

/**
 * The row OutboxService.add writes, for a CTE: one core_enqueue call per row of `source` (see auditWriteSql,
 * and read it with `readAllSql`). The payload is validated now, in TypeScript, as OutboxService.add does: a bad
 * payload fails the request that made it.
 */
export function enqueueSql(params: SqlParams, name: JobName, payload: object, source: string, options: { deliverAt?: Date } = {}): string {
  const valid = validateJobPayload(name, payload);
  return `SELECT core_enqueue(${params.add(name, 'text')}, ${params.add(JSON.stringify({ ...valid }), 'jsonb')},
           ${params.add(options.deliverAt ?? null, 'timestamptz')}) AS id
      ${source}`;
}

/**
 * A column for the primary SELECT that reads every row of the named write CTEs (auditWriteSql, enqueueSql), so
 * each of their calls runs; its value is the number of rows written. The primary query must return a row.
 */
export function readAllSql(ctes: string[]): string {
  return `(${ctes.map((cte) => `(SELECT count(*) FROM ${cte})`).join(' + ')}) AS "sideWrites"`;
}
