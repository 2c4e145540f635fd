import type pg from 'pg';

const LOG = 'test_change_log';

/**
 * Notices every committed write to the product's tables (schema `public`), cheaply enough to ask after every few
 * requests. A row trigger on each table (installed in the test database only) appends the table's name to a log in
 * the same transaction, so an entry exists exactly when the write committed: a transaction that wrote and rolled
 * back leaves none. Reading consumes the log.
 *
 * Not used: pg_stat_user_tables (updated late, and counts rolled-back work), or hashing every table (it grows with
 * every successful write and soon costs more than the requests).
 */
export class DatabaseChanges {
  private installed = false;

  constructor(private readonly pool: pg.Pool) {}

  /** The tables written (and committed) since the last call; the first call installs the triggers. */
  async since(): Promise<string[]> {
    if (!this.installed) await this.install();
    const { rows } = await this.pool.query(`DELETE FROM ${LOG} RETURNING table_name`);
    return [...new Set(rows.map((row) => row.table_name as string))].sort();
  }

  private async install(): Promise<void> {
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${LOG} (id bigserial PRIMARY KEY, table_name text NOT NULL)`);
    await this.pool.query(`
      CREATE OR REPLACE FUNCTION ${LOG}_append() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ${LOG} (table_name) VALUES (TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    const { rows } = await this.pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1`,
      [LOG],
    );
    for (const { table_name: table } of rows) {
      await this.pool.query(`DROP TRIGGER IF EXISTS ${LOG} ON public."${table}"`);
      await this.pool.query(`CREATE TRIGGER ${LOG} AFTER INSERT OR UPDATE OR DELETE ON public."${table}" FOR EACH ROW EXECUTE FUNCTION ${LOG}_append()`);
    }
    this.installed = true;
  }
}
