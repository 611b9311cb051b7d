/** How to build a ReportService: plain values from the config module, plus parts tests substitute. */
import type { Logger } from 'pino';
import type { LlmNarrator } from '../analysis/narrative/index.js';
import type { AnalysisPool } from '../workers/pool.js';
import type { Clock } from './clock.js';
import type { EventBus } from './event-bus.js';
import type { NarrativeStep } from './narrative-step.js';
import type { ReportQueue } from './queue.js';
import type { ReportStore } from './store.js';

export interface ReportServiceOptions {
  /** Where the service logs (pino). Required: there is no useful silent default for a service. */
  logger: Logger;
  /**
   * CPU worker threads; each runs one report's simulation at a time.
   *
   * @default max(1, availableParallelism() - 1) // a core stays free for the event loop
   */
  workers?: number;
  /**
   * Reports that may wait (QUEUED) before create fails with QUEUE_FULL.
   *
   * @default 1_000
   */
  maxQueue?: number;
  /**
   * Deadline of a report, in seconds from its creation, when the request names none.
   *
   * @default 60
   */
  defaultTimeoutSeconds?: number;
  /**
   * The largest deadline a request may ask for (requests may ask for 1..this).
   *
   * @default 600 // 10 minutes
   */
  maxTimeoutSeconds?: number;
  /**
   * Narratives (LLM requests) in flight at once. Network waits need no thread; the provider's rate limit
   * is the real bound.
   *
   * @default 128
   */
  llmConcurrency?: number;
  /**
   * How long a finished report stays readable before it expires (EXPIRED event, then get() → null).
   *
   * @default 86_400 // 24 hours
   */
  resultTtlSeconds?: number;
  /**
   * Reports the store holds at most; past it the oldest finished report is evicted (never a live one).
   *
   * @default 10_000
   */
  maxStoredReports?: number;
  /**
   * Writes the narrative with an LLM; absent → the template narrative.
   *
   * @default undefined
   */
  narrator?: LlmNarrator;
  /**
   * The least time between two PROGRESS events of one report.
   *
   * @default 100 // at most ~10 per second
   */
  progressIntervalMs?: number;
  /**
   * Worker module for the pool (tests pass fixture workers under test/fixtures/workers/).
   *
   * @default src/workers/analysis-worker (.ts from source, .js when built)
   */
  workerFile?: string | URL;
  /**
   * V8 heap limit of each worker thread, in MB; a report past it fails with WORKER_CRASHED.
   *
   * @default 1_024
   */
  workerMaxHeapMb?: number;
  /**
   * Nice value of the worker threads (Linux, 0 … 19): the simulations yield the CPU to the event loop.
   *
   * @default DEFAULT_WORKER_NICENESS (10)
   */
  workerNiceness?: number;
  /**
   * A ready pool instead of the piscina one (tests drive completion by hand). `workers`, `workerFile`
   * and `workerMaxHeapMb` are then ignored; close() still destroys it.
   *
   * @default a PiscinaAnalysisPool
   */
  pool?: AnalysisPool;
  /**
   * The narrative stage (tests); replaces the narrative module and `narrator`.
   *
   * @default writeNarrative with `narrator`
   */
  narrate?: NarrativeStep;
  /**
   * Time and timers: deadlines, expiry, progress throttling.
   *
   * @default the system clock (vi.useFakeTimers() fakes it too)
   */
  clock?: Clock;
  /**
   * Store, queue and event bus of another backend (Redis). The store must publish to this bus.
   *
   * @default the in-memory ones
   */
  backends?: { store: ReportStore; queue: ReportQueue; bus: EventBus };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);
  return value;
}

function positiveNumber(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a number > 0, got ${value}`);
  return value;
}

/** Every option checked once, at construction, with a message that names it. */
export function checkOptions(options: ReportServiceOptions) {
  const {
    maxQueue = 1_000,
    defaultTimeoutSeconds = 60,
    maxTimeoutSeconds = 600,
    llmConcurrency = 128,
    resultTtlSeconds = 86_400, // 24 hours
    maxStoredReports = 10_000,
    progressIntervalMs = 100, // ~10 per second
    workerMaxHeapMb = 1_024,
  } = options;
  if (!Number.isInteger(maxQueue) || maxQueue < 0) throw new RangeError(`maxQueue must be a whole number >= 0, got ${maxQueue}`);
  positiveNumber('maxTimeoutSeconds', maxTimeoutSeconds);
  positiveNumber('defaultTimeoutSeconds', defaultTimeoutSeconds);
  if (defaultTimeoutSeconds > maxTimeoutSeconds) {
    throw new RangeError(`defaultTimeoutSeconds (${defaultTimeoutSeconds}) must not exceed maxTimeoutSeconds (${maxTimeoutSeconds})`);
  }
  if (options.workers !== undefined) positiveInteger('workers', options.workers);
  return {
    maxQueue,
    defaultTimeoutSeconds,
    maxTimeoutSeconds,
    llmConcurrency: positiveInteger('llmConcurrency', llmConcurrency),
    resultTtlSeconds: positiveNumber('resultTtlSeconds', resultTtlSeconds),
    maxStoredReports: positiveInteger('maxStoredReports', maxStoredReports),
    progressIntervalMs: Math.max(0, progressIntervalMs),
    workerMaxHeapMb: positiveInteger('workerMaxHeapMb', workerMaxHeapMb),
  };
}
