/** The IPC messages between the harness and the probe preloaded into each server (bench/servers/probe.ts). */

export interface ProbeRequest {
  kind: 'bench-call';
  id: number;
  op: string;
  args?: unknown;
}

export interface ProbeReply {
  kind: 'bench-reply';
  id: number;
  result?: unknown;
  error?: string;
}

/** What the `stats` operation returns. Event-loop delays in ms, already minus the 1 ms sampling interval. */
export interface ProbeStats {
  eld: { mean: number; p50: number; p99: number; max: number; samples: number };
  rssMb: number;
  heapUsedMb: number;
  /** Every GC pause on the main thread; `major`: mark-compact ones. */
  gc: { count: number; totalMs: number; maxMs: number; major: number; majorMs: number };
  /** CPU time of the whole process (all threads) since the last reset, ms. */
  cpuMs: number;
  /** Wall time since the last reset, ms. */
  wallMs: number;
}
