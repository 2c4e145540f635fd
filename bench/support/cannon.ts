import autocannon, { type CannonOptions } from 'autocannon';

export interface CannonFigures {
  /** Answered requests per second over the run. */
  perSecond: number;
  answered: number;
  p50: number;
  p99: number;
  /** Answers by status code. */
  statuses: Record<number, number>;
  /** 5xx answers plus connection errors and timeouts: what a client would see as the server failing. */
  serverErrors: number;
  seconds: number;
}

/**
 * A closed-loop run of autocannon (each connection sends its next request when the last is answered), in this
 * process: the server under test is always another process. Latencies in milliseconds.
 */
export async function cannon(options: CannonOptions): Promise<CannonFigures> {
  const result = await autocannon({ timeout: 30, ...options });
  const statuses: Record<number, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[Number(code)] = count;
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const fivexx = Object.entries(statuses).filter(([code]) => Number(code) >= 500).reduce((a, [, n]) => a + n, 0);
  return {
    perSecond: answered / result.duration,
    answered,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    serverErrors: fivexx + result.errors,
    seconds: result.duration,
  };
}

/** "201×950, 409×50": the answers of a run, for a row's notes. */
export function statusSummary(statuses: Record<number, number>): string {
  return Object.entries(statuses).map(([code, n]) => `${code}×${n}`).join(', ');
}
