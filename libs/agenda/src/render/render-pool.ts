import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { RenderJob } from './render-job.js';

/**
 * The rendering thread's script: next to this file when compiled; under Jest (TypeScript sources) the compiled
 * copy in dist/, which `npm test` builds first.
 */
function threadScript(): string {
  const here = fileURLToPath(import.meta.url);
  const compiled = here.endsWith('.ts') ? here.replace(/[/\\]libs[/\\]/, '/dist/libs/').replace(/\.ts$/, '.js') : here;
  return compiled.replace(/render-pool\.js$/, 'render-thread.js');
}

interface Pending {
  resolve: (content: Buffer) => void;
  reject: (error: Error) => void;
}

/**
 * Renders documents (PDF above all: hundreds of milliseconds of CPU for a long programme) on a thread of its own,
 * at a lower priority, so the process's event loop keeps answering requests and running other jobs meanwhile.
 * One thread, jobs in order: rendering is not urgent, and a second thread would only take a core from requests.
 */
@Injectable()
export class RenderPool implements OnModuleDestroy {
  private thread: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  render(job: RenderJob): Promise<Buffer> {
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      thread.ref();
      thread.postMessage({ id, job });
    });
  }

  async onModuleDestroy(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.terminate();
  }

  private start(): Worker {
    const thread = new Worker(threadScript());
    thread.on('message', (message: { id: number; content?: Uint8Array; error?: string }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      // An idle thread must not keep the process alive at shutdown.
      if (this.pending.size === 0) thread.unref();
      if (!waiting) return;
      if (message.error !== undefined) waiting.reject(new Error(`rendering failed: ${message.error}`));
      else waiting.resolve(Buffer.from(message.content!.buffer, message.content!.byteOffset, message.content!.byteLength));
    });
    // A thread that dies takes its jobs with it; the next render starts a new one.
    const fail = (error: Error) => {
      if (this.thread === thread) this.thread = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`the rendering thread stopped (exit code ${code})`)));
    thread.unref();
    this.thread = thread;
    return thread;
  }
}
