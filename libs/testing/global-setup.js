// Runs outside Jest's module system, so it uses the compiled code (npm test builds first).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../dist/libs/core/src/database/run-migrations.js';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Once per `npm test`: a migrated template database that every test file clones. */
export default async function globalSetup() {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.BO_TEST_RUN_ID = id;
  const template = `bo_test_${id}_template`;
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${template}`);
  } finally {
    await client.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${template}`;
  await runMigrations(url.toString());
}
