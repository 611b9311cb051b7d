/** Per-thread CPU time of a process (Linux /proc), to see who got the cores during a measurement. */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  tid: number;
  name: string;
  /** user + system, ms */
  cpuMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

export function threadCpu(pid: number): ThreadCpu[] {
  const threads: ThreadCpu[] = [];
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      // fields[11] = utime, fields[12] = stime (0-based after the state field at index 0)
      const cpuMs = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      threads.push({ tid: Number(tid), name, cpuMs });
    } catch {
      // the thread ended meanwhile
    }
  }
  return threads;
}

/** CPU used by each thread between two readings, busiest first. */
export function cpuDelta(before: readonly ThreadCpu[], after: readonly ThreadCpu[]): ThreadCpu[] {
  const start = new Map(before.map((t) => [t.tid, t.cpuMs]));
  return after
    .map((t) => ({ ...t, cpuMs: t.cpuMs - (start.get(t.tid) ?? 0) }))
    .filter((t) => t.cpuMs > 0)
    .sort((a, b) => b.cpuMs - a.cpuMs);
}
