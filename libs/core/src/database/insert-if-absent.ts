import type { EntityManager } from 'typeorm';

/**
 * Inserts one row unless it collides on `conflict` (by default the id); returns 1 when it was added. For idempotent
 * seeding only: `table` and the column names come from the owning domain's code, never from input.
 */
export async function insertIfAbsent(manager: EntityManager, table: string, row: Record<string, unknown>, conflict = '(id)'): Promise<number> {
  const columns = Object.keys(row);
  const values = columns.map((_, i) => `$${i + 1}`);
  const added = (await manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT ${conflict} DO NOTHING RETURNING 1`,
    Object.values(row),
  )) as unknown[];
  return added.length;
}
