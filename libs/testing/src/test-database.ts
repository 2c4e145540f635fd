import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '#core/database/run-migrations.js';
import { databaseUrl, runId, SERVER_URL, templateName } from './test-env.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** A plain pg pool on the database, for assertions that read the tables directly. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database: for a test file, cloned from the run's template (Jest's global setup made it);
 * outside Jest (the benchmarks), created empty and migrated.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = options.migrate ? `bo_bench_${randomBytes(4).toString('hex')}` : `bo_test_${runId()}_${randomBytes(4).toString('hex')}`;
  await admin(async (client) => {
    if (options.migrate) return client.query(`CREATE DATABASE ${name}`);
    // Cloning needs the template to be idle; the lock keeps two files from cloning at the same instant.
    await client.query('SELECT pg_advisory_lock(7020250999)');
    try {
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(7020250999)');
    }
  });
  const url = databaseUrl(name);
  if (options.migrate) await runMigrations(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // Some tests cut the database's connections on purpose; an idle client dying then is expected.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
