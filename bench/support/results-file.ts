import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '#testing/processes.js';
import { type Machine, machineLine, sharedCoresNote } from './machine.js';
import { type BenchRow, tableOf } from './report.js';

/** bench/RESULTS.md, rewritten after each full run: the table, when and on what, and why each missed target missed. */
export function writeResults(rows: BenchRow[], machine: Machine, startedAt: Date, seconds: number, load: { before: string; after: string }): string {
  // One explanation per scenario: the fan-out's two backends share theirs.
  const misses = new Map<string, { backends: string[]; why?: string }>();
  for (const row of rows.filter((r) => !r.pass)) {
    const miss = misses.get(row.scenario) ?? { backends: [], why: row.whyMissed };
    miss.backends.push(row.backend);
    misses.set(row.scenario, miss);
  }
  const text = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; the full run took ${(seconds / 60).toFixed(1)} min.`,
    '',
    `- Machine: ${machineLine(machine)}. Load average (1, 5, 15 min) before the run: ${load.before}; after: ${load.after}.`,
    `- ${sharedCoresNote(machine)}`,
    '- Each row is one scenario against its own fresh database, with its baseline measured in the same run on the same machine. "queue" is the BullMQ backend the product ran on. "api peak RSS" is the api process\'s VmHWM (/proc/<pid>/status) at the end of the measurement.',
    '- Figures taken while other work runs on the machine are noisy (a shared CI box, tests running): compare ratios, and re-run on a quiet machine before drawing conclusions.',
    '',
    tableOf(rows),
    '',
    ...(misses.size
      ? [
          '## Missed targets: why, and what would close them',
          '',
          ...[...misses].map(([scenario, { backends, why }]) => `- **${scenario}** (${backends.join(', ')}) — ${why ?? 'not investigated yet.'}`),
          '',
        ]
      : ['Every target was met.', '']),
  ].join('\n');
  // The soak runs only when named (ten minutes): a full run keeps the last soak's section.
  writeFileSync(RESULTS, text + (soakSection() ?? ''));
  return RESULTS;
}

const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const SOAK_HEADING = '## Soak (`npm run bench soak`)';

function soakSection(): string | undefined {
  if (!existsSync(RESULTS)) return undefined;
  const text = readFileSync(RESULTS, 'utf8');
  const at = text.indexOf(SOAK_HEADING);
  return at < 0 ? undefined : `\n${text.slice(at)}`;
}

/** The soak's row and when and on what it ran, as the last section of bench/RESULTS.md (replacing the previous soak's). */
export function writeSoak(row: BenchRow, machine: Machine, startedAt: Date): string {
  const existing = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const at = existing.indexOf(SOAK_HEADING);
  const before = (at < 0 ? existing : existing.slice(0, at)).trimEnd();
  const section = [
    SOAK_HEADING,
    '',
    `Run on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine(machine)}.`,
    '',
    tableOf([row]),
    '',
    ...(row.pass ? [] : [`Missed: ${row.whyMissed ?? 'not investigated yet.'}`, '']),
  ].join('\n');
  writeFileSync(RESULTS, `${before}\n\n${section}`);
  return RESULTS;
}
