/**
 * The CPU pool: a piscina pool of worker threads running {@link AnalysisTask}s, one abortable task per
 * thread. Aborting a task's signal terminates its thread (the work really stops) and piscina starts a
 * fresh one; a thread that dies under a task (process.exit, out of memory) fails only that task.
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
import { isProgressMessage, type AnalysisTask, type TaskOutcome } from './protocol.js';

export interface RunAnalysisOptions {
  /** Aborting it terminates the task's thread; `run` then rejects with {@link TaskAbortedError}. */
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
   * @default max(1, availableParallelism() - 1) // leaves a core to the event loop
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
  logger?: Logger;
}

/** One core is left to the event loop, so requests stay answered while every worker computes. */
export function defaultWorkerCount(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
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
  #running = 0;
  #destroyed = false;

  constructor(options: AnalysisPoolOptions = {}) {
    const {
      workers = defaultWorkerCount(),
      workerFile = defaultWorkerFile(),
      resourceLimits = { maxOldGenerationSizeMb: 1024 },
      logger,
    } = options;
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number >= 1, got ${workers}`);
    const filename = workerFile instanceof URL ? fileURLToPath(workerFile) : workerFile;
    const execArgv = options.execArgv ?? defaultExecArgv(filename);
    this.#logger = logger;
    this.#piscina = new Piscina<AnalysisTask, TaskOutcome>({
      filename,
      // Threads stay warm: starting one (and loading tsx in development) costs far more than an idle thread.
      minThreads: workers,
      maxThreads: workers,
      resourceLimits,
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
    this.#running += 1;
    try {
      const outcome = await this.#piscina.run(
        { input, progressPort: port2 },
        { transferList: [port2], ...(signal ? { signal } : {}) },
      );
      if (!outcome.ok) throw new AnalyzerError(outcome.error);
      return outcome.analysis;
    } catch (error) {
      if (error instanceof AnalyzerError) throw error;
      if (signal?.aborted || this.#destroyed) throw new TaskAbortedError({ cause: signal?.reason ?? error });
      throw new WorkerCrashedError({ cause: error });
    } finally {
      this.#running -= 1;
      port1.close();
    }
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    await this.#piscina.destroy();
  }
}
