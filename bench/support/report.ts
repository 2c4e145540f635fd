/** One line of the benchmark table: the product's figure, the baseline measured in the same run, and their ratio. */
export interface BenchRow {
  scenario: string;
  figure: string;
  baseline: string;
  /** product ÷ baseline, in the direction where more is better (throughput), or the inverse for latencies. */
  ratio: number;
  target: string;
  pass: boolean;
  notes?: string;
}

export function printTable(rows: BenchRow[]): string {
  const lines = [
    '| scenario | figure | baseline (same run) | ratio | target | result |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.figure} | ${r.baseline} | ${r.ratio.toFixed(2)}× | ${r.target} | ${r.pass ? 'pass' : 'MISS'}${r.notes ? ` (${r.notes})` : ''} |`),
  ];
  const table = lines.join('\n');
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
