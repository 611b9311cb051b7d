/**
 * Completion, deadline and cancel arriving together: exactly one terminal state wins, every time, and
 * the store stays consistent (version = number of events, nothing after the terminal event).
 */
import { describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../src/reports/memory/event-bus.js';
import { MemoryReportStore } from '../../src/reports/memory/store.js';
import type { ReportChange } from '../../src/reports/lifecycle.js';
import { isTerminal, type ReportEvent } from '../../src/reports/report.js';
import { fakeAnalysis, rawInput, sampleInput } from '../fixtures/workers/inputs.js';
import { flushMicrotasks, ManualClock } from './helpers/manual-clock.js';
import { manualService, silentLogger } from './helpers/service.js';

const ITERATIONS = 200;

/** Every order of three, so each contender gets to go first. */
const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
] as const;

/** Runs `action` after `hops` microtask turns: deterministic, unlike a timer. */
function afterHops(hops: number, action: () => void): void {
  let turn = Promise.resolve();
  for (let hop = 0; hop < hops; hop += 1) turn = turn.then(() => undefined);
  void turn.then(action);
}

function expectConsistent(events: ReportEvent[]): void {
  expect(events.filter((event) => isTerminal(event.report.status))).toHaveLength(1);
  expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
  expect(isTerminal(events.at(-1)?.report.status ?? 'QUEUED')).toBe(true);
}

describe('racing terminal transitions', () => {
  it('lets exactly one of complete, time-out and cancel win in the store', async () => {
    const clock = new ManualClock();
    const bus = new MemoryEventBus({ logger: silentLogger });
    const store = new MemoryReportStore({ bus, clock, logger: silentLogger, resultTtlMs: 60_000, maxStoredReports: 1_000 });
    const input = sampleInput();
    const wins = { COMPLETED: 0, TIMED_OUT: 0, CANCELLED: 0 };

    for (let i = 0; i < ITERATIONS; i += 1) {
      const id = `report-${i}`;
      const events: ReportEvent[] = [];
      const unsubscribe = bus.subscribeReport(id, (event) => events.push(event));
      await store.insert({ id, tenant: 'acme', input, createdAt: clock.now(), timeoutMs: 1_000, idempotencyKey: null }, { maxQueued: 10 });
      await store.transition(id, { kind: 'start' });

      const contenders: ReportChange[] = [
        { kind: 'complete', result: fakeAnalysis(input) },
        { kind: 'time-out' },
        { kind: 'cancel', code: 'CANCELLED' },
      ];
      const order = ORDERS[i % ORDERS.length] ?? ORDERS[0];
      // All three started in the same tick.
      const outcomes = await Promise.all(order.map((index) => store.transition(id, contenders[index]!)));

      const winners = outcomes.filter((event) => event !== null);
      expect(winners).toHaveLength(1);
      const stored = await store.get(id);
      expect(stored).toEqual(winners[0]?.report);
      expectConsistent(events);
      wins[stored!.status as keyof typeof wins] += 1;
      unsubscribe();
    }
    // Each contender won sometimes: the test really raced them.
    expect(Object.values(wins).every((count) => count > 0)).toBe(true);
  });

  it('lets exactly one win when the worker finishes, the deadline passes and a client cancels at once', async () => {
    const clock = new ManualClock();
    const { service, pool } = manualService({ clock });
    const feed = service.feed('acme');
    const events = new Map<string, ReportEvent[]>();
    void (async () => {
      for await (const event of feed) events.set(event.report.id, [...(events.get(event.report.id) ?? []), event]);
    })();
    const wins = new Map<string, number>();

    for (let i = 0; i < ITERATIONS; i += 1) {
      const report = await service.create('acme', { input: rawInput(), timeoutSeconds: 1 });
      const task = await pool.nextTask();
      const contenders = [
        () => task.complete(),
        () => clock.advance(1_000), // fires the deadline timer synchronously
        () => void service.cancel('acme', report.id).catch(() => undefined),
      ];
      // Same tick, staggered by a few microtask hops that vary per iteration, so each path gets to win.
      const hops = [i % 7, (i * 3) % 7, (i * 5) % 7];
      for (const index of ORDERS[i % ORDERS.length] ?? ORDERS[0]) afterHops(hops[index] ?? 0, contenders[index]!);
      await flushMicrotasks();

      const seen = events.get(report.id) ?? [];
      expectConsistent(seen);
      const final = await service.get('acme', report.id);
      expect(final?.version).toBe(seen.length);
      expect(final?.status).toBe(seen.at(-1)?.report.status);
      wins.set(final!.status, (wins.get(final!.status) ?? 0) + 1);
      expect(service.health().running).toBe(0);
    }
    expect([...wins.keys()].sort()).toEqual(['CANCELLED', 'COMPLETED', 'TIMED_OUT']);
    await feed.return?.();
    await service.close({ graceMs: 0 });
  });
});
