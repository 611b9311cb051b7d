/**
 * How much of the machine something else used during a scenario: CPU time of the whole machine
 * (/proc/stat) minus this process and its children (all reaped by the end: /proc/self/stat cutime and
 * cstime). The bench shares two cores with whatever else runs; a disturbed scenario should be rerun.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ

interface Reading {
  machineBusyMs: number;
  ownMs: number;
  at: number;
}

function read(): Reading | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy = (cpu[0] ?? 0) + (cpu[1] ?? 0) + (cpu[2] ?? 0) + (cpu[5] ?? 0) + (cpu[6] ?? 0) + (cpu[7] ?? 0);
    const self = readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    // utime stime cutime cstime are fields 14-17 of stat: indexes 11-14 after the state field
    const own = (fields[11] ?? 0) + (fields[12] ?? 0) + (fields[13] ?? 0) + (fields[14] ?? 0);
    return { machineBusyMs: busy * TICK_MS, ownMs: own * TICK_MS, at: Date.now() };
  } catch {
    return null; // not Linux
  }
}

export class DisturbanceMeter {
  readonly #start = read();

  /** Share of the machine's CPU capacity used by other processes since construction (0..1), or null. */
  foreignShare(cores: number): number | null {
    const end = read();
    if (!this.#start || !end) return null;
    const foreign = end.machineBusyMs - this.#start.machineBusyMs - (end.ownMs - this.#start.ownMs);
    const capacity = (end.at - this.#start.at) * cores;
    return capacity > 0 ? Math.max(0, foreign / capacity) : null;
  }
}
