import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { REDIS_URL, SERVER_URL } from '#testing/test-env.js';

export interface Machine {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  postgres: string;
  redis: string;
}

/** What the figures were measured on: read from /proc, and asked of the PostgreSQL and Redis the run used. */
export async function describeMachine(): Promise<Machine> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  const postgres = (await client.query('SHOW server_version')).rows[0].server_version as string;
  await client.end();
  const redis = new Redis(REDIS_URL);
  const info = await redis.info('server');
  redis.disconnect();
  return {
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ?? 'unknown',
    cpus: cpuinfo.match(/^processor\s*:/gm)?.length ?? 0,
    memoryGiB: Number(/^MemTotal:\s+(\d+) kB/m.exec(meminfo)?.[1] ?? 0) / 1024 / 1024,
    node: process.version,
    postgres,
    redis: /^redis_version:(.+)$/m.exec(info)?.[1].trim() ?? 'unknown',
  };
}

/** The 1, 5 and 15 minute load averages: how busy the machine was with other work around a run. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
}

export function machineLine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB.toFixed(1)} GiB memory; Node ${m.node}, PostgreSQL ${m.postgres}, Redis ${m.redis}`;
}

/** Said with every table: on this machine the load generator is not on a machine of its own. */
export function sharedCoresNote(m: Machine): string {
  return `The load generator (this process: autocannon or the paced client), the api, the worker, PostgreSQL and Redis all share these ${m.cpus} cores: a figure here is the whole system on one small machine, and the load generator's own CPU is taken from the api's.`;
}
