import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPostgresServer } from '#core/database/embedded-postgres-server.js';
import { freePort } from './processes.js';

export interface OwnPostgres {
  /** The database `backoffice` on this server. */
  url: string;
  port: number;
  /** A fast shutdown (SIGINT): sessions are ended, open transactions rolled back, committed data kept on disk. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port, with its data. */
  start(): Promise<void>;
  /** Stops the server if it runs and removes its files. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own (the `embedded-postgres` package the launcher uses), in a temporary
 * folder on a free port: a test may stop and start it without touching the machine's shared server.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'bo-own-pg-'));
  // As root, the package runs PostgreSQL as a `postgres` user, who must be able to reach the data folder.
  chmodSync(dir, 0o755);
  const server = embeddedPostgresServer({ databaseDir: join(dir, 'pg'), port, onError: () => undefined });
  let running = false;
  const start = async () => {
    await server.start();
    running = true;
  };
  const stop = async () => {
    running = false;
    await server.stop();
  };
  try {
    await server.initialise();
    await start();
    await server.createDatabase('backoffice');
  } catch (error) {
    if (running) await stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/backoffice`,
    port,
    stop,
    start,
    destroy: async () => {
      if (running) await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
