import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** node-pg's pool, which TypeORM's PostgreSQL driver keeps as `master`. */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs one statement on the pool as a named prepared statement: each connection parses and plans it once, then
 * only binds and executes it. Worth it for a long statement on a hot path (several data-modifying CTEs), whose
 * parsing and planning would otherwise cost the database more than its writes. Outside any transaction: the
 * statement commits on its own, all of it or nothing. Errors are pg's own (SQLSTATE, constraint), which the
 * error envelope maps as it maps TypeORM's wrapped ones.
 */
export async function preparedQuery<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  // Named after the text, so another text never reuses a name a connection has already prepared.
  const name = `q_${createHash('sha1').update(text).digest('hex')}`;
  return (await pool.query({ name, text, values })).rows as T[];
}
