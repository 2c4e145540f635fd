import { agendaRebuild } from './agenda.bench.js';
import { fanOut } from './fan-out.bench.js';
import { printTable, type BenchRow } from './support/report.js';

/**
 * `npm run bench [scenario ...]`: each scenario starts the real product on this machine's PostgreSQL (and Redis),
 * measures a baseline in the same run, and prints one row. Not part of `npm test`: figures, not assertions.
 */
const SCENARIOS: Record<string, () => Promise<BenchRow[]>> = {
  'fan-out': async () => [await fanOut('redis'), await fanOut('postgres')],
  agenda: async () => [await agendaRebuild('redis')],
};

const asked = process.argv.slice(2);
const chosen = asked.length ? asked : Object.keys(SCENARIOS);
const rows: BenchRow[] = [];
for (const name of chosen) {
  const scenario = SCENARIOS[name];
  if (!scenario) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await scenario()));
}
printTable(rows);
process.exit(0);
