import { readFileSync } from 'node:fs';

/** One `Vm*` line of /proc/<pid>/status, in MiB (Linux only: the benchmarks run on the project's Linux machines). */
function statusMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** The highest resident memory the process has had since it started (the kernel's high-water mark). */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return statusMiB(pid, 'VmHWM');
  } catch {
    // The process has already gone: no figure rather than a failed scenario.
    return undefined;
  }
}

/** The resident memory right now. */
export function rssMiB(pid: number): number {
  return statusMiB(pid, 'VmRSS');
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux the project runs on. */
const CLOCK_TICKS = 100;

/** CPU seconds the process has used so far, user and system (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
