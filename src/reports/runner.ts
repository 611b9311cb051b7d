/**
 * Starts queued reports and carries each one through its work: the CPU part in the pool (one slot per
 * thread), then the narrative on the main thread under its own concurrency limit. The runner never
 * decides a report's fate alone: it asks the store through `transition`, and when someone else (deadline,
 * cancel, shutdown) has already finished the report, its late result is simply refused there.
 */
import type { Logger } from 'pino';
import type { RiskAnalysis } from '../analysis/result.js';
import { AnalyzerError, TaskAbortedError, WorkerCrashedError } from '../workers/errors.js';
import type { AnalysisPool } from '../workers/pool.js';
import { raceAbort } from './abort.js';
import type { Clock, TimerHandle } from './clock.js';
import type { ConcurrencyLimit } from './concurrency-limit.js';
import type { ReportChange } from './lifecycle.js';
import { NarrativeStepError, type NarrativeStep } from './narrative-step.js';
import { ProgressThrottle } from './progress-throttle.js';
import type { ReportQueue } from './queue.js';
import type { Report, ReportError, ReportEvent } from './report.js';

export interface ReportRunnerOptions {
  queue: ReportQueue;
  pool: AnalysisPool;
  /** The store's transition plus the service's bookkeeping for finished reports. */
  transition: (id: string, change: ReportChange) => Promise<ReportEvent | null>;
  narrate: NarrativeStep;
  llmLimit: ConcurrencyLimit;
  clock: Clock;
  logger: Logger;
  progressIntervalMs: number;
}

export class ReportRunner {
  /** Reports between STARTED and their end, with the controller that stops their work. */
  readonly #active = new Map<string, AbortController>();
  readonly #jobs = new Set<Promise<void>>();
  #cpuBusy = 0;
  #pumping = false;
  #pumpAgain = false;
  #stopped = false;

  constructor(private readonly options: ReportRunnerOptions) {}

  /** Reports running here now (CPU or narrative stage). */
  get running(): number {
    return this.#active.size;
  }

  /** Starts queued reports while pool slots are free. Cheap to call often; never runs twice at once. */
  pump(): void {
    if (this.#pumping) {
      // The running pass may already be past its last look at the slots: it runs again when it ends.
      this.#pumpAgain = true;
      return;
    }
    this.#pumping = true;
    this.#pumpAgain = false;
    void this.#fillSlots()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'starting queued reports failed'))
      .finally(() => {
        this.#pumping = false;
        if (this.#pumpAgain) this.pump();
      });
  }

  /** Stops the work of a running report (its thread is terminated, its LLM request aborted). */
  abort(id: string, reason: string): boolean {
    const controller = this.#active.get(id);
    if (!controller) return false;
    controller.abort(new Error(`report ${reason}`));
    return true;
  }

  /** No report starts after this. */
  stop(): void {
    this.#stopped = true;
  }

  /** Resolves when every running report has ended, or after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.#jobs.size === 0 || timeoutMs <= 0) return;
    let timer: TimerHandle | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = this.options.clock.setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#jobs]), timeout]);
    if (timer !== undefined) this.options.clock.clearTimeout(timer);
  }

  async #fillSlots(): Promise<void> {
    while (!this.#stopped && this.#cpuBusy < this.options.pool.size) {
      const entry = await this.options.queue.take();
      // Stopped meanwhile: leave the report QUEUED; shutdown interrupts it.
      if (!entry || this.#stopped) return;
      this.#cpuBusy += 1;
      const started = await this.options.transition(entry.id, { kind: 'start' });
      if (!started) {
        // Cancelled or timed out while queued (or expired): nothing to run.
        this.#cpuBusy -= 1;
        continue;
      }
      const job = this.#run(started.report).catch((error: unknown) => {
        this.options.logger.error({ err: error, reportId: entry.id }, 'report runner failed');
      });
      this.#jobs.add(job);
      void job.finally(() => this.#jobs.delete(job));
    }
  }

  async #run(report: Report): Promise<void> {
    const { id } = report;
    const { pool, transition, clock, logger } = this.options;
    const controller = new AbortController();
    const { signal } = controller;
    this.#active.set(id, controller);
    const throttle = new ProgressThrottle(clock, this.options.progressIntervalMs, (progress) => {
      transition(id, { kind: 'progress', progress }).catch((error: unknown) => {
        logger.warn({ err: error, reportId: id }, 'progress update failed');
      });
    });
    let cpuSlotHeld = true;
    const releaseCpuSlot = (): void => {
      if (!cpuSlotHeld) return;
      cpuSlotHeld = false;
      this.#cpuBusy -= 1;
      this.pump();
    };
    try {
      let analysis: RiskAnalysis = await pool.run(report.input, {
        signal,
        onProgress: (stage, percent) => throttle.push({ stage, percent }),
      });
      releaseCpuSlot();
      throttle.close();
      if (report.input.params.includeNarrative) {
        await transition(id, { kind: 'progress', progress: { stage: 'narrative', percent: 0 } });
        const narrative = await raceAbort(
          this.options.llmLimit.run(() => this.options.narrate(analysis, report.input, { signal }), signal),
          signal,
        ).catch((error: unknown) => {
          throw signal.aborted ? error : new NarrativeStepError({ cause: error });
        });
        analysis = { ...analysis, narrative };
      }
      // The work is done: nothing is left to abort when the store commits COMPLETED (the service aborts
      // the work of every report that reaches a final state; an abort here only built an Error with its
      // stack per completion: 5 % of the event loop in the 5,000-report burst of the bench).
      this.#active.delete(id);
      await transition(id, { kind: 'complete', result: analysis });
    } catch (error) {
      // Aborted: whoever aborted has already moved the report to its terminal state.
      if (signal.aborted || error instanceof TaskAbortedError) return;
      const failure = describeFailure(error);
      logger.error({ reportId: id, err: error, code: failure.code }, 'report failed');
      await transition(id, { kind: 'fail', error: failure });
    } finally {
      throttle.close();
      releaseCpuSlot();
      this.#active.delete(id);
    }
  }
}

/** The client-facing error: a code and a message that reveals nothing internal (details go to the log). */
function describeFailure(error: unknown): ReportError {
  if (error instanceof WorkerCrashedError) {
    return { code: 'WORKER_CRASHED', message: 'The analysis worker stopped unexpectedly (for example, it ran out of memory)' };
  }
  if (error instanceof NarrativeStepError) return { code: 'LLM_UNAVAILABLE', message: 'The narrative could not be written' };
  if (error instanceof AnalyzerError) return { code: 'ANALYZER_ERROR', message: 'The risk analysis failed' };
  return { code: 'ANALYZER_ERROR', message: 'The report could not be completed' };
}
