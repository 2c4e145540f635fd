/**
 * Where the tests find PostgreSQL and Redis: DATABASE_URL / REDIS_URL when set,
 * else the services of this machine. Each run works in databases of its own,
 * named after the run id, and drops them at the end.
 */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.BO_TEST_RUN_ID;
  if (!id) throw new Error('BO_TEST_RUN_ID is not set: run the tests with npm test (globalSetup sets it)');
  return id;
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function templateName(id = runId()): string {
  return `bo_test_${id}_template`;
}
