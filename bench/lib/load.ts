/**
 * An open-loop load generator: requests leave on a fixed schedule whatever the server does (a slow
 * server does not slow the sender down), bounded in time and in requests outstanding; whatever is still
 * unanswered at the end is counted, with the time it waited so far.
 *
 * Latency counts from the moment the request actually left. Counting from the moment it was due would
 * also charge the server for pauses of this process (this VM pauses whole processes for tens of ms now
 * and then, see RESULTS.md); the server's own stalls are measured inside it (event-loop delay).
 */
import { performance } from 'node:perf_hooks';
import type { HttpClient } from './http.js';
import { sleep } from './stats.js';

export interface Operation {
  name: string;
  /** The request body for this send (fresh variables each time if needed). */
  body(): string;
  /** Called with the parsed response (e.g. to remember a created id). */
  onData?(data: Record<string, unknown>): void;
}

export interface LoadOptions {
  client: HttpClient;
  /** Operations in the mix, used round-robin (repeat one to weight it). */
  mix: readonly Operation[];
  ratePerSecond: number;
  durationMs: number;
  /** Requests in flight beyond this are not sent (counted as skipped). */
  maxOutstanding?: number;
  /** After the window, how long to wait for late answers before counting them as unanswered. */
  drainMs?: number;
}

export interface OperationStats {
  latencies: number[];
  errors: number;
  /** Unanswered at the end (their waited time is included in `latencies`). */
  unanswered: number;
  skipped: number;
}

export async function runLoad(options: LoadOptions): Promise<Map<string, OperationStats>> {
  const { client, mix, ratePerSecond, durationMs } = options;
  const maxOutstanding = options.maxOutstanding ?? 512;
  const stats = new Map<string, OperationStats>(mix.map((op) => [op.name, { latencies: [], errors: 0, unanswered: 0, skipped: 0 }]));
  const outstanding = new Map<number, { op: Operation; sentAt: number }>();
  const interval = 1000 / ratePerSecond;
  const start = performance.now();
  let sent = 0;
  let nextId = 0;

  while (performance.now() - start < durationMs) {
    // Catch up on every send that is due (timers are coarse); then sleep until the next one.
    const due = Math.floor((performance.now() - start) / interval) + 1;
    for (; sent < due; sent += 1) {
      const op = mix[sent % mix.length]!;
      const entry = stats.get(op.name)!;
      if (outstanding.size >= maxOutstanding) {
        entry.skipped += 1;
        continue;
      }
      const sentAt = performance.now();
      const id = nextId++;
      outstanding.set(id, { op, sentAt });
      client.post(op.body(), durationMs + (options.drainMs ?? 5_000) + 1_000).then(
        (response) => {
          if (!outstanding.delete(id)) return;
          entry.latencies.push(performance.now() - sentAt);
          if (response.status !== 200 || response.body?.errors?.length || !response.body?.data) entry.errors += 1;
          else op.onData?.(response.body.data);
        },
        () => {
          if (!outstanding.delete(id)) return;
          entry.latencies.push(performance.now() - sentAt);
          entry.errors += 1;
        },
      );
    }
    await sleep(Math.max(0, start + sent * interval - performance.now()));
  }
  const drainUntil = performance.now() + (options.drainMs ?? 5_000);
  while (outstanding.size > 0 && performance.now() < drainUntil) await sleep(10);
  const now = performance.now();
  for (const { op, sentAt } of outstanding.values()) {
    const entry = stats.get(op.name)!;
    entry.unanswered += 1;
    entry.latencies.push(now - sentAt);
  }
  outstanding.clear();
  return stats;
}

/**
 * A sequential probe: one request at a time, every `everyMs` (or right after the previous answer when
 * that came late), latency from the moment the request left.
 */
export async function runProbe(client: HttpClient, payload: string, everyMs: number, durationMs: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  for (let i = 0; ; i += 1) {
    const dueAt = start + i * everyMs;
    if (dueAt - start >= durationMs) break;
    await sleep(Math.max(0, dueAt - performance.now()));
    const sentAt = performance.now();
    try {
      const response = await client.post(payload, durationMs + 10_000);
      if (response.status !== 200 || response.body?.errors?.length) errors += 1;
    } catch {
      errors += 1;
    }
    const end = performance.now();
    latencies.push(end - sentAt);
    if (end - start >= durationMs) break;
  }
  return { latencies, errors };
}
