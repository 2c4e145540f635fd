import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian keeps pgbench beside the server; elsewhere it is on PATH. */
function pgbenchPath(): string {
  const debian = '/usr/lib/postgresql/15/bin/pgbench';
  return existsSync(debian) ? debian : 'pgbench';
}

export interface PgbenchOptions {
  databaseUrl: string;
  script: string;
  clients: number;
  transactionsPerClient: number;
  /** -D name=value, each available as :name in the script. */
  variables?: Record<string, string>;
}

/**
 * Runs pgbench with a custom script against a database and returns its transactions per second (without the
 * initial connection time) and the number of transactions processed. Extended protocol, as node-postgres uses.
 */
export async function pgbench(options: PgbenchOptions): Promise<{ tps: number; transactions: number; output: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-pgbench-'));
  const file = join(folder, 'script.sql');
  writeFileSync(file, options.script);
  const url = new URL(options.databaseUrl);
  try {
    const args = [
      // Per-command latencies show where a transaction's time goes (waiting for a lock, or the commit).
      '--no-vacuum', '--protocol=extended', '--report-per-command', `--client=${options.clients}`, '--jobs=2', `--transactions=${options.transactionsPerClient}`,
      `--file=${file}`, ...Object.entries(options.variables ?? {}).map(([k, v]) => `--define=${k}=${v}`),
    ];
    const { stdout } = await run(pgbenchPath(), args, {
      env: {
        ...process.env,
        PGHOST: url.hostname,
        PGPORT: url.port || '5432',
        PGUSER: decodeURIComponent(url.username) || 'postgres',
        PGPASSWORD: decodeURIComponent(url.password),
        PGDATABASE: url.pathname.slice(1),
      },
    });
    const tps = /tps = ([\d.]+)/.exec(stdout);
    const processed = /number of transactions actually processed: (\d+)/.exec(stdout);
    if (!tps || !processed) throw new Error(`unexpected pgbench output:\n${stdout}`);
    return { tps: Number(tps[1]), transactions: Number(processed[1]), output: stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
