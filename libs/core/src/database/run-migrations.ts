import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '#migrations/index.js';
import { writeJobContracts } from '../outbox/job-contract-table.js';

/** Any fixed number works; it only has to be the same in every process that migrates. */
const MIGRATION_LOCK_KEY = 7_020_250_718;

/**
 * Applies pending migrations from the compiled list (the TypeORM CLI's TypeScript
 * loaders are fragile under ESM). An advisory lock lets several replicas start
 * at once without racing each other.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations();
      // The job contracts core_enqueue checks follow this code's definitions (see job-contract-table.ts).
      await writeJobContracts((sql, parameters) => dataSource.query(sql, parameters));
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}
