import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { isAbsolute, join } from 'node:path';

/** The repository: three levels up from the source (under Jest), four from its compiled copy in dist/ (the benchmarks). */
export const ROOT = join(import.meta.dirname, '..', '..', '..', ...(import.meta.dirname.endsWith(join('dist', 'libs', 'testing', 'src')) ? ['..'] : []));

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  errors: () => string;
  /** Resolves with the exit code (or the signal's name) and how long after `since` it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
}

/**
 * Starts one of the compiled entry points (npm test builds them first) with an
 * environment of the test's choosing: nothing from this machine's DATABASE_URL
 * or REDIS_URL leaks in unless the test passes it.
 */
/** `entry` is relative to the checkout, or absolute with `cwd` (a copy of the checkout elsewhere). */
export function startProcess(entry: string, env: Record<string, string | undefined>, options: { cwd?: string } = {}): RunningProcess {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['DATABASE_URL', 'REDIS_URL', 'NODE_OPTIONS', 'PORT', 'NODE_ENV'].includes(key)),
  );
  const child = spawn(process.execPath, [isAbsolute(entry) ? entry : join(ROOT, entry)], {
    cwd: options.cwd ?? ROOT,
    env: { ...base, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return {
    child,
    output: () => stdout,
    errors: () => stderr,
    exited,
    waitFor: async (text, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      const matches = () => (typeof text === 'string' ? stdout.includes(text) : text.test(stdout));
      while (!matches()) {
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before printing ${text}:\n${stdout}\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${text}:\n${stdout}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return stdout;
    },
  };
}
