import { freePort, type RunningProcess, startProcess } from '#testing/processes.js';
import { peakRssMiB } from './process-usage.js';

export interface HelloWorld {
  url: string;
  process: RunningProcess;
  peakMiB(): number | undefined;
  stop(): Promise<void>;
}

/** Starts the compiled bare Fastify hello-world (bench/support/hello-world.ts) as a child process on a free port. */
export async function startHelloWorld(): Promise<HelloWorld> {
  const port = await freePort();
  const child = startProcess('dist/bench/support/hello-world.js', { PORT: String(port) });
  await child.waitFor('hello-world listening');
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    peakMiB: () => peakRssMiB(child.child.pid),
    stop: async () => {
      if (child.child.exitCode === null && child.child.signalCode === null) {
        child.child.kill('SIGTERM');
        await child.exited;
      }
    },
  };
}
