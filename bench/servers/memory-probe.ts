/**
 * Memory per stored report, measured in one process (`node --expose-gc`): the real ReportService with its
 * memory store, a pool that completes at once (so nothing but the stored reports remains), and a manual
 * clock (so the TTL can pass in an instant). Prints one JSON line with the figures.
 *
 * Heap growth is split into what the reports carry (their parsed inputs and their results, measured by
 * building the same objects alone) and what storing them costs beyond that (the overhead).
 */
import { assessRiskSync } from '../../src/analysis/assess.js';
import { parseAnalysisInput } from '../../src/analysis/input.js';
import type { AnalysisInput } from '../../src/analysis/input.js';
import type { RiskAnalysis } from '../../src/analysis/result.js';
import { createSilentLogger } from '../../src/logger.js';
import type { Clock, TimerHandle } from '../../src/reports/clock.js';
import { createReportService } from '../../src/reports/index.js';
import type { AnalysisPool } from '../../src/workers/pool.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

class ManualClock implements Clock {
  #now = Date.parse('2030-01-01T00:00:00Z');
  #timers = new Map<object, { at: number; callback: () => void }>();
  now(): number {
    return this.#now;
  }
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const handle = {};
    this.#timers.set(handle, { at: this.#now + ms, callback });
    return handle;
  }
  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle);
  }
  /** Moves time on and fires what fell due, in order. */
  advance(ms: number): void {
    this.#now += ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= this.#now).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) return;
      this.#timers.delete(due[0]);
      due[1].callback();
    }
  }
  get pending(): number {
    return this.#timers.size;
  }
}

const count = Number(process.argv[2] ?? 100_000);
const TTL_SECONDS = 3_600;

function rawInput(i: number): unknown {
  return {
    location: { latitude: 35.1566 + (i % 1000) * 1e-4, longitude: 129.145, elevationM: 3, distanceToCoastKm: 0.1 },
    building: { name: `m:${i}`, occupancy: 'COMMERCIAL', floorsAboveGround: 12 },
    asset: { value: 50_000_000_000, currency: 'KRW' },
    params: { scenarios: ['SSP2_4_5'], horizons: [2050], hazards: ['COASTAL_FLOOD', 'EXTREME_HEAT'], simulationYears: 1_000, includeNarrative: false },
    language: 'EN',
  };
}

let results: RiskAnalysis[] = [];
const template = assessRiskSync(parseAnalysisInput(rawInput(0)));
const pool: AnalysisPool = {
  size: 64,
  running: 0,
  run: async (input: AnalysisInput) => results[Number(input.building.name?.slice(2))] ?? structuredClone(template),
  destroy: async () => undefined,
};
const clock = new ManualClock();
const service = createReportService({
  logger: createSilentLogger(),
  pool,
  clock,
  maxQueue: count + 10,
  maxStoredReports: count + 10,
  resultTtlSeconds: TTL_SECONDS,
});

const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const settle = async (): Promise<void> => {
  for (;;) {
    const { queueDepth, running } = service.health();
    if (queueDepth === 0 && running === 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
};
const createAll = async (from: number, to: number): Promise<void> => {
  for (let i = from; i < to; i += 1) {
    await service.create('public', { input: rawInput(i) });
    if (i % 256 === 0) await settle();
  }
  await settle();
};

// Warm-up: the same path once at a smaller scale, then expired, so JIT code and lazily built structures
// are in the baseline.
await createAll(count, count + 2_000);
clock.advance((TTL_SECONDS + 1) * 1_000);
await settle();

const baseline = heap();
results = Array.from({ length: count }, () => structuredClone(template));
const withResults = heap();
// Held only while measured, then dropped (the service parses and keeps its own copies).
const held: { inputs: AnalysisInput[] | null } = { inputs: Array.from({ length: count }, (_, i) => parseAnalysisInput(rawInput(i))) };
const withInputs = heap();
held.inputs = null;
heap();
const resultBytes = withResults - baseline;
const inputBytes = withInputs - withResults;

await createAll(0, count);
const stored = heap();
const sample = await service.get('public', (await service.list('public', { first: 1 })).reports[0]?.id ?? '');
const overheadBytes = (stored - baseline - resultBytes - inputBytes) / count;

results = [];
clock.advance((TTL_SECONDS + 1) * 1_000);
await settle();
const afterTtl = heap();
const remaining = (await service.list('public', { first: 100 })).reports.length;
await service.close({ graceMs: 0 });

console.log(
  JSON.stringify({
    count,
    baselineMb: baseline / 2 ** 20,
    resultBytesEach: resultBytes / count,
    inputBytesEach: inputBytes / count,
    storedMb: stored / 2 ** 20,
    growthBytesEach: (stored - baseline) / count,
    overheadBytesEach: overheadBytes,
    afterTtlMb: afterTtl / 2 ** 20,
    residualBytesEach: (afterTtl - baseline) / count,
    completedSample: sample?.status ?? null,
    remainingAfterTtl: remaining,
    timersPending: clock.pending,
  }),
);
