/** One line of the benchmark table: the product's figure, the baseline measured in the same run, and their ratio. */
export interface BenchRow {
  scenario: string;
  /** The queue backend the product ran on (the product's default is Redis; the fan-out runs both). */
  backend: 'redis' | 'postgres';
  figure: string;
  baseline: string;
  /** product ÷ baseline, in the direction where more is better (throughput), or the inverse for latencies. */
  ratio: number;
  target: string;
  pass: boolean;
  /** The api process's peak resident memory (VmHWM) in MiB, read before it was stopped. */
  apiPeakMiB?: number;
  notes?: string;
  /** Why the target is missed and what would close it, from the evidence gathered; written to RESULTS.md on a miss. */
  whyMissed?: string;
}

export function tableOf(rows: BenchRow[]): string {
  return [
    '| scenario | queue | figure | baseline (same run) | ratio | target | result | api peak RSS |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.backend} | ${r.figure} | ${r.baseline} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.pass ? 'pass' : 'MISS'}${r.notes ? ` (${r.notes})` : ''} | ${r.apiPeakMiB === undefined ? '–' : `${r.apiPeakMiB.toFixed(0)} MiB`} |`,
    ),
  ].join('\n');
}

export function printTable(rows: BenchRow[]): string {
  const table = tableOf(rows);
  process.stdout.write(`${table}\n`);
  return table;
}

/** Polls until `check` is true; the benchmarks' own small wait, with a deadline so a broken run ends. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** 1234.5 → "1,235": figures in the table are read by people. */
export function count(n: number, digits = 0): string {
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
