import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HttpClient } from '#testing/http-client.js';
import type { RunningProcess } from '#testing/processes.js';
import { ROOT } from '#testing/processes.js';
import type { TestStack } from '#testing/test-stack.js';
import { cpuSeconds, peakRssMiB } from './process-usage.js';

/**
 * With BENCH_CPU_PROF=<dir>: the environment that makes a spawned process (api or worker) profile its CPU into
 * that folder (cpu-profile-preload.ts); otherwise nothing.
 */
export function profilingEnv(): Record<string, string> {
  const profileDir = process.env.BENCH_CPU_PROF;
  if (!profileDir) return {};
  mkdirSync(resolve(profileDir), { recursive: true });
  return { NODE_OPTIONS: `--import ${pathToFileURL(join(ROOT, 'dist/bench/support/cpu-profile-preload.js')).href}`, BENCH_CPU_PROF: resolve(profileDir) };
}

export interface MeasuredApi {
  http: HttpClient;
  process: RunningProcess;
  pid: number;
  /** VmHWM of the api so far. */
  peakMiB(): number | undefined;
  /** CPU seconds the api has used so far: a difference over a run, divided by its requests, is the cost of one. */
  cpuSeconds(): number;
  /** SIGTERM and wait: the api drains and exits, writing its CPU profile when one was asked for. */
  stop(): Promise<void>;
}

/**
 * The compiled api as a process of its own (stack.spawnApi), the one a scenario measures. With BENCH_CPU_PROF=<dir>
 * in the environment its CPU is sampled (cpu-profile-preload.ts) and the profile lands in that folder when the
 * scenario stops it: open it in Chrome's DevTools (Performance) or VS Code to see where the api's CPU went.
 */
export async function spawnMeasuredApi(stack: TestStack, env: Record<string, string> = {}): Promise<MeasuredApi> {
  const { process: api, http } = await stack.spawnApi({ ...env, ...profilingEnv() });
  // The spawned api logs a line per request (as in production); keep them from piling up in this process's
  // memory for the whole run: the load generator's memory is not what is measured.
  api.child.stdout!.removeAllListeners('data');
  api.child.stdout!.resume();
  const pid = api.child.pid!;
  return {
    http,
    process: api,
    pid,
    peakMiB: () => peakRssMiB(pid),
    cpuSeconds: () => cpuSeconds(pid),
    stop: async () => {
      if (api.child.exitCode === null && api.child.signalCode === null) {
        api.child.kill('SIGTERM');
        await api.exited;
      }
    },
  };
}
