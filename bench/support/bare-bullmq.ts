import { Queue, Worker } from 'bullmq';
import type { AppConfig } from '#core/config/app-config.js';
import { queueConnection } from '#core/queue/queue-connection.js';

/**
 * The baseline of the fan-out: BullMQ alone, on the same backend and connection settings as the product,
 * adding `count` no-op jobs in bulk and processing them at the same concurrency. Returns the seconds taken.
 */
export async function bareAddAndProcess(config: AppConfig, count: number, concurrency: number): Promise<number> {
  const { connection, prefix } = queueConnection(config);
  const name = `bare-${Date.now().toString(36)}`;
  const queue = new Queue(name, { connection, prefix } as never);
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency } as never);
  worker.on('completed', () => {
    done += 1;
    if (done === count) finished();
  });
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < count; i += 200) {
    await queue.addBulk(Array.from({ length: Math.min(200, count - i) }, (_, j) => ({ name: 'noop', data: { n: i + j } })));
  }
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  return seconds;
}
