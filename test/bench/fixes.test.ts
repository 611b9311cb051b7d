/**
 * Guards for the fixes the benchmarks led to (bench/RESULTS.md, "Fixes made because of these measures"):
 * each test pins the behaviour the measure depends on, without timing anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAnalysisInput } from '../../src/analysis/input.js';
import { MemoryEventBus } from '../../src/reports/memory/event-bus.js';
import { MemoryReportQueue } from '../../src/reports/memory/queue.js';
import { MemoryReportStore } from '../../src/reports/memory/store.js';
import { systemClock } from '../../src/reports/clock.js';
import { applyChange, createReport } from '../../src/reports/lifecycle.js';
import { newReportId } from '../../src/reports/report-id.js';
import { TaskAbortedError } from '../../src/workers/errors.js';
import { PiscinaAnalysisPool } from '../../src/workers/pool.js';

const silent = pino({ level: 'silent' });

describe('the memory queue with tens of thousands waiting', () => {
  it('keeps queuePosition exact through takes, compaction and removals', async () => {
    const queue = new MemoryReportQueue();
    const count = 20_000;
    for (let i = 0; i < count; i += 1) await queue.enqueue({ id: `r${i}`, tenant: 'acme' });
    for (let i = 0; i < 5_000; i += 1) expect(await queue.take()).toEqual({ id: `r${i}`, tenant: 'acme' });
    expect(await queue.remove('r5001')).toBe(true);
    expect(queue.position('r5000')).toBe(1);
    expect(queue.position('r5002')).toBe(2);
    expect(queue.position(`r${count - 1}`)).toBe(count - 5_001);
    expect(queue.position('r5001')).toBeNull();
    expect(queue.size).toBe(count - 5_001);
    expect(await queue.take()).toEqual({ id: 'r5000', tenant: 'acme' });
    expect(await queue.take()).toEqual({ id: 'r5002', tenant: 'acme' });
  });

  it('still serves tenants round-robin', async () => {
    const queue = new MemoryReportQueue();
    for (let i = 0; i < 3; i += 1) await queue.enqueue({ id: `a${i}`, tenant: 'a' });
    await queue.enqueue({ id: 'b0', tenant: 'b' });
    expect([queue.position('a0'), queue.position('b0'), queue.position('a1'), queue.position('a2')]).toEqual([1, 2, 3, 4]);
  });
});

describe('report ids', () => {
  it('are distinct UUIDs', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => newReportId()));
    expect(ids.size).toBe(1_000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('completed reports', () => {
  it('share one frozen progress object', () => {
    const input = parseAnalysisInput({ location: { latitude: 37.5, longitude: 127 }, asset: { value: 1e9 } });
    const complete = (id: string) => {
      const { report } = createReport({ id, tenant: 't', input, createdAt: 0, timeoutMs: 60_000, idempotencyKey: null });
      const started = applyChange(report, { kind: 'start' }, 1);
      if (!started.accepted) throw new Error('start refused');
      const done = applyChange(started.report, { kind: 'complete', result: null as never }, 2);
      if (!done.accepted) throw new Error('complete refused');
      return done.report;
    };
    const [a, b] = [complete('a'), complete('b')];
    expect(a.progress).toEqual({ stage: 'done', percent: 100 });
    expect(a.progress).toBe(b.progress);
    expect(Object.isFrozen(a.progress)).toBe(true);
  });
});

describe('the memory store past its size bound', () => {
  it('warns once while live reports alone fill it, not on every insert', async () => {
    const logger = pino({ level: 'warn' });
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const bus = new MemoryEventBus({ logger: silent });
    const store = new MemoryReportStore({ bus, clock: systemClock, logger, resultTtlMs: 60_000, maxStoredReports: 2 });
    const input = parseAnalysisInput({ location: { latitude: 37.5, longitude: 127 }, asset: { value: 1e9 } });
    for (let i = 0; i < 6; i += 1) {
      const outcome = await store.insert({ id: `r${i}`, tenant: 't', input, createdAt: i, timeoutMs: 60_000, idempotencyKey: null }, { maxQueued: 100 });
      expect(outcome.kind).toBe('created');
    }
    expect(warn).toHaveBeenCalledTimes(1);
    await store.close();
  });
});

/** Nice values of this process's threads (Linux), from /proc/self/task/<tid>/stat. */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const linux = process.platform === 'linux';

describe('the analysis pool', () => {
  let pool: PiscinaAnalysisPool | undefined;
  afterEach(async () => {
    await pool?.destroy();
    pool = undefined;
  });

  const longInput = () =>
    parseAnalysisInput({
      location: { latitude: 35.1566, longitude: 129.145 },
      asset: { value: 1e9 },
      params: { simulationYears: 10_000_000, includeNarrative: false },
    });

  it.runIf(linux)('runs its threads at the configured nice value', async () => {
    pool = new PiscinaAnalysisPool({ workers: 1, niceness: 7 });
    const small = parseAnalysisInput({ location: { latitude: 37.5, longitude: 127 }, asset: { value: 1e9 }, params: { simulationYears: 1_000 } });
    await pool.run(small);
    expect(threadNiceValues()).toContain(7);
  });

  it('stops an aborted analysis at its next chunk and keeps the thread for the next task', async () => {
    pool = new PiscinaAnalysisPool({ workers: 1, stopGraceMs: 5_000 });
    const controller = new AbortController();
    let progressed!: () => void;
    const running = new Promise<void>((resolve) => (progressed = resolve));
    const task = pool.run(longInput(), { signal: controller.signal, onProgress: () => progressed() });
    await running;
    const [thread] = pool.threads;
    let exited = false;
    void once(thread!, 'exit').then(() => (exited = true));

    controller.abort(new Error('deadline'));
    await expect(task).rejects.toBeInstanceOf(TaskAbortedError);
    // Well within the grace period: the task stopped by itself, its thread is still the pool's.
    const small = parseAnalysisInput({ location: { latitude: 37.5, longitude: 127 }, asset: { value: 1e9 }, params: { simulationYears: 1_000 } });
    await expect(pool.run(small)).resolves.toMatchObject({ currency: 'KRW' });
    expect(exited).toBe(false);
    expect(pool.threads).toContain(thread);
  });
});
