/**
 * Loaded first into every server the bench starts (through bench/servers/with-probe.ts): measures the event
 * loop's delay, GC pauses, memory and CPU from inside the server, and answers the harness over IPC.
 * It adds one 1 ms timer (the delay monitor) and nothing on the request path.
 *
 * Only the main thread measures (the guard below keeps it inert anywhere else).
 */
import { constants, monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import type { ProbeReply, ProbeRequest, ProbeStats } from '../lib/probe-protocol.js';

type Operation = (args: unknown) => unknown;

const operations = new Map<string, Operation>();

/** Lets a bench server add its own operations (e.g. releasing held completions). */
export function registerBenchOperation(name: string, operation: Operation): void {
  operations.set(name, operation);
}

const RESOLUTION_MS = 1;

function install(): void {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count += 1;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
      // Node 20 puts the GC kind in `detail`; the typings lag behind.
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gc.major += 1;
        gc.majorMs += entry.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
  let cpuAtReset = process.cpuUsage();
  let wallAtReset = performance.now();

  const ms = (ns: number): number => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  operations.set('reset', () => {
    delay.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0, major: 0, majorMs: 0 };
    cpuAtReset = process.cpuUsage();
    wallAtReset = performance.now();
    return null;
  });
  operations.set('stats', (): ProbeStats => {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage(cpuAtReset);
    return {
      eld: {
        mean: ms(delay.mean),
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
        samples: delay.count,
      },
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
      gc,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallAtReset,
    };
  });
  // Diagnostics: a heap snapshot of the server (the path is chosen by the caller).
  operations.set('heap-snapshot', (args) => writeHeapSnapshot(String(args)));
  operations.set('gc', () => {
    // Only with --expose-gc; otherwise a no-op, and the caller reads memory as it is.
    (globalThis as { gc?: () => void }).gc?.();
    return null;
  });

  process.on('message', (message: unknown) => {
    const request = message as ProbeRequest;
    if (typeof request !== 'object' || request === null || request.kind !== 'bench-call') return;
    const reply = (body: Omit<ProbeReply, 'kind' | 'id'>): void => {
      process.send?.({ kind: 'bench-reply', id: request.id, ...body } satisfies ProbeReply);
    };
    const operation = operations.get(request.op);
    if (!operation) {
      reply({ error: `unknown probe operation ${request.op}` });
      return;
    }
    Promise.resolve()
      .then(() => operation(request.args))
      .then(
        (result) => reply({ result: result ?? null }),
        (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // The IPC channel must not keep a server alive that is otherwise done (its own shutdown exits anyway).
  process.channel?.unref();
}

if (isMainThread && typeof process.send === 'function') install();
