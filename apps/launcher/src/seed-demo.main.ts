import 'reflect-metadata';
import pg from 'pg';
import { loadConfigOrExit, onEmbeddedPort } from '#core/config/app-config.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database.js';
import { prepareDatabase } from './prepare-database.js';
import { seedDemo } from './seed-demo.js';

/**
 * `npm run seed:demo`: the 2025 edition into DATABASE_URL, or into the embedded
 * database (started for the occasion unless `npm start` is already running it).
 */
const print = (line: string) => process.stdout.write(`${line}\n`);
let config = loadConfigOrExit();

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let database: EmbeddedDatabase | undefined;
try {
  if (config.databaseIsEmbedded && !(await reachable(config.databaseUrl))) {
    database = await startEmbeddedDatabase(config, print);
    config = onEmbeddedPort(config, database.port);
  }
  await prepareDatabase(config, print);
  await seedDemo(config, print, { onlyIfEmpty: false });
  await database?.stop();
  process.exit(0);
} catch (error) {
  process.stderr.write(`seeding failed: ${(error as Error).message}\n`);
  await database?.stop().catch(() => undefined);
  process.exit(1);
}
