/**
 * The CPU pool: a piscina pool of worker threads running {@link AnalysisTask}s, one abortable task per
 * thread. Aborting a task's signal asks it to stop (the analyzer does so at its next chunk and the warm
 * thread takes the next task at once); a task that does not stop within a few milliseconds has its
 * thread terminated (the work really stops) and piscina starts a fresh one. A thread that dies under a
 * task (process.exit, out of memory) fails only that task. Threads run at a lower priority than the
 * event loop (see ./thread-priority.ts).
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type ResourceLimits, type Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import type { AnalysisInput } from '../analysis/input.js';
import type { RiskAnalysis } from '../analysis/result.js';
import { AnalyzerError, TaskAbortedError, WorkerCrashedError } from './errors.js';
import { isProgressMessage, type AnalysisTask, type StopMessage, type TaskOutcome, type WorkerSettings } from './protocol.js';

export interface RunAnalysisOptions {
  /**
   * Aborting it stops the task: at its next chunk if it cooperates, else by terminating its thread after
   * a short grace period; `run` then rejects with {@link TaskAbortedError}.
   */
  signal?: AbortSignal;
  /** Progress posted by the worker (stage, 0..100), already reduced to whole-percent steps. */
  onProgress?: (stage: string, percent: number) => void;
}

/** What the report runner needs from a pool; tests substitute a fake. */
export interface AnalysisPool {
  /**
   * Runs the CPU part of one analysis. Rejects with {@link AnalyzerError} (the analyzer threw),
   * {@link WorkerCrashedError} (the thread died) or {@link TaskAbortedError} (the signal fired).
   */
  run(input: AnalysisInput, options?: RunAnalysisOptions): Promise<RiskAnalysis>;
  /** Threads, hence the number of tasks that can run at once. */
  readonly size: number;
  /** Tasks running now. */
  readonly running: number;
  /** Terminates every thread; running tasks reject. */
  destroy(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /**
   * Worker threads. Each runs one task at a time (abortable tasks cannot share a thread).
   *
   * @default availableParallelism() on Linux (niced threads), else one fewer: see defaultWorkerCount
   */
  workers?: number;
  /**
   * Module whose default export runs one {@link AnalysisTask}; tests pass small fixture workers.
   *
   * @default analysis-worker next to this module (`.ts` when running from source, `.js` after tsc)
   */
  workerFile?: string | URL;
  /**
   * Node flags for the threads.
   *
   * @default the process's flags, plus `--import tsx` when the worker file is `.ts` and tsx is not loaded
   */
  execArgv?: string[];
  /**
   * V8 limits per thread. A task past them fails with WORKER_CRASHED instead of taking the process down.
   *
   * @default { maxOldGenerationSizeMb: 1024 }
   */
  resourceLimits?: ResourceLimits;
  /**
   * Nice value of the worker threads (Linux; 0 … 19, higher yields more): the simulations get every idle
   * cycle but give way to the event loop at once when it has work.
   *
   * @default 19 // see DEFAULT_WORKER_NICENESS
   */
  niceness?: number;
  /**
   * After an abort, how long a task may take to stop by itself (the analyzer stops at its next chunk,
   * keeping the thread warm) before its thread is terminated.
   *
   * @default 25
   */
  stopGraceMs?: number;
  logger?: Logger;
}

/**
 * Chosen from `npm run bench` (bench/RESULTS.md) on two cores with the load generator on the same machine:
 * with a worker on every core (the default), nice 19 against 10 raised createReport's accept rate from
 * ~3,950 to ~4,350 req/s and lowered its one-at-a-time p99 and the event-loop delay, and left the
 * simulation throughput and the LLM makespan as they were: the workers still get every idle cycle.
 * On a host shared with other busy nice-0 processes, give the service fewer workers instead.
 */
export const DEFAULT_WORKER_NICENESS = 19;

/**
 * A worker on every core where worker threads can be niced (Linux): they then yield to the event loop
 * whenever it has work, and `npm run bench` measured both more throughput (2 workers: ~1.9x of 1) and a
 * lower event-loop delay than with a core left idle. Elsewhere one core is left to the event loop.
 */
export function defaultWorkerCount(cores = availableParallelism(), canNiceThreads = process.platform === 'linux'): number {
  return Math.max(1, canNiceThreads ? cores : cores - 1);
}

/** The worker entry next to this module, with this module's own extension (.ts from source, .js built). */
export function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  return fileURLToPath(new URL(`./analysis-worker${extname(here)}`, import.meta.url));
}

function defaultExecArgv(workerFile: string): string[] | undefined {
  const tsxLoaded = process.execArgv.some((flag) => flag.includes('tsx'));
  return workerFile.endsWith('.ts') && !tsxLoaded ? [...process.execArgv, '--import', 'tsx'] : undefined;
}

export class PiscinaAnalysisPool implements AnalysisPool {
  readonly #piscina: Piscina<AnalysisTask, TaskOutcome>;
  readonly #logger: Logger | undefined;
  readonly #stopGraceMs: number;
  #running = 0;
  #destroyed = false;

  constructor(options: AnalysisPoolOptions = {}) {
    const {
      workers = defaultWorkerCount(),
      workerFile = defaultWorkerFile(),
      resourceLimits = { maxOldGenerationSizeMb: 1024 },
      niceness = DEFAULT_WORKER_NICENESS,
      logger,
    } = options;
    if (!Number.isInteger(niceness) || niceness < 0 || niceness > 19) throw new RangeError(`niceness must be a whole number 0 … 19, got ${niceness}`);
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number >= 1, got ${workers}`);
    const filename = workerFile instanceof URL ? fileURLToPath(workerFile) : workerFile;
    const execArgv = options.execArgv ?? defaultExecArgv(filename);
    this.#logger = logger;
    this.#stopGraceMs = options.stopGraceMs ?? 25;
    this.#piscina = new Piscina<AnalysisTask, TaskOutcome>({
      filename,
      // Threads stay warm: starting one (and loading tsx in development) costs far more than an idle thread.
      minThreads: workers,
      maxThreads: workers,
      resourceLimits,
      workerData: { niceness } satisfies WorkerSettings,
      ...(execArgv ? { execArgv } : {}),
    });
    // piscina emits 'error' for a thread that dies with no task on it; an EventEmitter without an
    // 'error' listener would turn that into an uncaught exception.
    this.#piscina.on('error', (error: unknown) => {
      this.#logger?.error({ err: error }, 'analysis worker thread failed outside a task');
    });
  }

  get size(): number {
    return this.#piscina.maxThreads;
  }

  get running(): number {
    return this.#running;
  }

  /** The live threads (diagnostics and tests: a test waits for a terminated thread's 'exit'). */
  get threads(): readonly Worker[] {
    return this.#piscina.threads;
  }

  async run(input: AnalysisInput, options: RunAnalysisOptions = {}): Promise<RiskAnalysis> {
    const { signal, onProgress } = options;
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: unknown) => {
      if (isProgressMessage(message)) onProgress?.(message.stage, message.percent);
    });
    // An abort first asks the task to stop (the analyzer checks between chunks, so the thread stays warm
    // for the next report); a task still running after the grace period has its thread terminated.
    const terminate = new AbortController();
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      const stop: StopMessage = { stop: true };
      port1.postMessage(stop);
      graceTimer = setTimeout(() => terminate.abort(signal?.reason), this.#stopGraceMs);
    };
    if (signal?.aborted) terminate.abort(signal.reason);
    else signal?.addEventListener('abort', onAbort, { once: true });
    this.#running += 1;
    try {
      const outcome = await this.#piscina.run({ input, progressPort: port2 }, { transferList: [port2], signal: terminate.signal });
      // Stopped on request: the analyzer threw the abort reason.
      if (!outcome.ok && signal?.aborted) throw new TaskAbortedError({ cause: signal.reason });
      if (!outcome.ok) throw new AnalyzerError(outcome.error);
      return outcome.analysis;
    } catch (error) {
      if (error instanceof AnalyzerError || error instanceof TaskAbortedError) throw error;
      if (signal?.aborted || this.#destroyed) throw new TaskAbortedError({ cause: signal?.reason ?? error });
      throw new WorkerCrashedError({ cause: error });
    } finally {
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      this.#running -= 1;
      port1.close();
    }
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    await this.#piscina.destroy();
  }
}
