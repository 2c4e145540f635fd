import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '#testing/processes.js';

const run = promisify(execFile);
const CHECKER = join(ROOT, 'dist/apps/api/src/openapi-client.main.js');
const CLIENT = 'apps/console/src/api/schema.d.ts';

/** Runs the compiled client generator in `cwd` (it reads and writes the client under it), without a database. */
async function generator(cwd: string, mode: '--check' | '--write'): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [CHECKER, mode], { cwd });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("The console's API client is generated from the api's document and checked by the build", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'client-check-'));
    mkdirSync(join(work, 'apps/console/src/api'), { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('passes on the checked-in client: it is what the api publishes today', async () => {
    expect(await generator(ROOT, '--check')).toEqual({ code: 0, stderr: '' });
  });

  it('fails with one line on a stale client, and client:generate makes it current again', async () => {
    const stale = readFileSync(join(ROOT, CLIENT), 'utf8').replace('"/api/events/{eventId}/sessions"', '"/api/events/{eventId}/old-sessions"');
    writeFileSync(join(work, CLIENT), stale);
    expect(await generator(work, '--check')).toEqual({ code: 1, stderr: "the console's API client is stale: run npm run client:generate\n" });
    expect((await generator(work, '--write')).code).toBe(0);
    expect(readFileSync(join(work, CLIENT), 'utf8')).toBe(readFileSync(join(ROOT, CLIENT), 'utf8'));
    expect((await generator(work, '--check')).code).toBe(0);
  });

  it('fails when there is no client at all', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'client-missing-'));
    try {
      expect((await generator(empty, '--check')).code).toBe(1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
