import { agendaRebuild } from './agenda.bench.js';
import { checkIn } from './check-in.bench.js';
import { consoleLoad } from './console-load.bench.js';
import { doorPhone } from './door-phone.bench.js';
import { enrolmentStorm } from './enrolment-storm.bench.js';
import { fanOut } from './fan-out.bench.js';
import { login } from './login.bench.js';
import { programmeRead } from './programme-read.bench.js';
import { registrationBurst } from './registration-burst.bench.js';
import { soak } from './soak.bench.js';
import { timetable } from './timetable.bench.js';
import { describeMachine, loadAverage, machineLine, sharedCoresNote } from './support/machine.js';
import { type BenchRow, printTable } from './support/report.js';
import { writeResults, writeSoak } from './support/results-file.js';

/**
 * `npm run bench [scenario ...]`: each scenario starts the real product on this machine's PostgreSQL (and Redis),
 * measures a baseline in the same run, and prints one row. Not part of `npm test`: figures, not assertions.
 * A full run (no scenario named) also rewrites bench/RESULTS.md; `soak`, run by name, writes its own section there.
 */
const SCENARIOS: Record<string, () => Promise<BenchRow[]>> = {
  'fan-out': async () => [await fanOut('redis'), await fanOut('postgres')],
  agenda: async () => [await agendaRebuild('redis')],
  'programme-read': async () => [await programmeRead()],
  'registration-burst': async () => [await registrationBurst()],
  login: async () => [await login()],
  'enrolment-storm': async () => [await enrolmentStorm()],
  'check-in': async () => [await checkIn()],
  'door-phone': () => doorPhone(),
  'console-load': async () => [await consoleLoad()],
  timetable: () => timetable(),
};
/** Only when asked by name: ten minutes on its own. */
const ON_REQUEST: Record<string, () => Promise<BenchRow[]>> = {
  soak: async () => [await soak()],
};

const asked = process.argv.slice(2);
const full = asked.length === 0;
const chosen = full ? Object.keys(SCENARIOS) : asked;
for (const name of chosen) {
  if (!SCENARIOS[name] && !ON_REQUEST[name]) throw new Error(`unknown scenario ${name}; known: ${[...Object.keys(SCENARIOS), ...Object.keys(ON_REQUEST)].join(', ')}`);
}

const machine = await describeMachine();
process.stderr.write(`${machineLine(machine)}\n${sharedCoresNote(machine)}\n`);
const startedAt = new Date();
const loadBefore = loadAverage();
const rows: BenchRow[] = [];
for (const name of chosen) {
  const began = performance.now();
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await (SCENARIOS[name] ?? ON_REQUEST[name])()));
  process.stderr.write(`  ${name} took ${((performance.now() - began) / 1000).toFixed(0)} s\n`);
}
const seconds = (Date.now() - startedAt.getTime()) / 1000;
printTable(rows);
const load = { before: loadBefore, after: loadAverage() };
process.stdout.write(`\n${machineLine(machine)}; load average before ${load.before}, after ${load.after}\n${sharedCoresNote(machine)}\nTotal: ${(seconds / 60).toFixed(1)} min.\n`);
if (full) process.stdout.write(`Written to ${writeResults(rows, machine, startedAt, seconds, load)}\n`);
const soaked = chosen.includes('soak') ? rows.find((row) => row.scenario.startsWith('soak')) : undefined;
if (soaked) process.stdout.write(`Soak written to ${writeSoak(soaked, machine, startedAt)}\n`);
process.exit(0);
