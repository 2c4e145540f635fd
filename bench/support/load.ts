import { percentile } from './report.js';

export interface LoadResult {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/**
 * A small closed-loop load generator: `connections` clients, each sending its next request when the last one
 * answered, until `stop()` says so. Latencies in milliseconds. (Node's fetch keeps connections alive.)
 */
export async function closedLoop(url: string, connections: number, stop: () => boolean): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!stop()) {
        const sent = performance.now();
        try {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (response.status >= 400) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: latencies.length / seconds };
}

export function forSeconds(seconds: number): () => boolean {
  const until = performance.now() + seconds * 1000;
  return () => performance.now() >= until;
}
