import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/**
 * Loaded into the api or the worker with NODE_OPTIONS=--import (node refuses --cpu-prof there): samples the process's CPU from
 * its start and writes a .cpuprofile into BENCH_CPU_PROF when it exits. The same-thread inspector session answers
 * synchronously, so the profile is written within the exit handler.
 */
const folder = process.env.BENCH_CPU_PROF!;
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    const name = process.argv[1]?.includes('worker') ? 'worker' : 'api';
    if (!error) writeFileSync(join(folder, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
