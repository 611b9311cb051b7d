/**
 * A pool whose tasks the test finishes by hand: deterministic completion, failure and abort without
 * threads. It keeps the real pool's contract (abort → TaskAbortedError at once).
 */
import type { AnalysisInput } from '../../../src/analysis/input.js';
import type { RiskAnalysis } from '../../../src/analysis/result.js';
import { TaskAbortedError } from '../../../src/workers/errors.js';
import type { AnalysisPool, RunAnalysisOptions } from '../../../src/workers/pool.js';
import { fakeAnalysis } from '../../fixtures/workers/inputs.js';

export interface ManualTask {
  input: AnalysisInput;
  signal: AbortSignal | undefined;
  progress(stage: string, percent: number): void;
  complete(analysis?: RiskAnalysis): void;
  fail(error: Error): void;
  /** Settles once the task ended, however it ended. */
  readonly settled: Promise<'completed' | 'failed' | 'aborted'>;
}

export class ManualPool implements AnalysisPool {
  readonly tasks: ManualTask[] = [];
  #running = 0;
  #waiters: ((task: ManualTask) => void)[] = [];
  #taken = 0;
  destroyed = false;

  /** `ignoreAbort`: a pool that lets an aborted task run on and deliver a late result. */
  constructor(
    readonly size = 1,
    private readonly options: { ignoreAbort?: boolean } = {},
  ) {}

  get running(): number {
    return this.#running;
  }

  run(input: AnalysisInput, options: RunAnalysisOptions = {}): Promise<RiskAnalysis> {
    const { signal, onProgress } = options;
    this.#running += 1;
    let settle!: (how: 'completed' | 'failed' | 'aborted') => void;
    const settled = new Promise<'completed' | 'failed' | 'aborted'>((resolve) => (settle = resolve));
    const result = new Promise<RiskAnalysis>((resolve, reject) => {
      let done = false;
      const end = (how: 'completed' | 'failed' | 'aborted', action: () => void): void => {
        if (done) return;
        done = true;
        this.#running -= 1;
        action();
        settle(how);
      };
      if (!this.options.ignoreAbort) signal?.addEventListener('abort', () => end('aborted', () => reject(new TaskAbortedError({ cause: signal.reason }))), {
        once: true,
      });
      const task: ManualTask = {
        input,
        signal,
        progress: (stage, percent) => {
          if (!done) onProgress?.(stage, percent);
        },
        complete: (analysis = fakeAnalysis(input)) => end('completed', () => resolve(analysis)),
        fail: (error) => end('failed', () => reject(error)),
        settled,
      };
      this.tasks.push(task);
      this.#waiters.shift()?.(task);
    });
    return result;
  }

  /** The next task handed to the pool (already handed ones first). */
  nextTask(): Promise<ManualTask> {
    const index = this.#taken;
    this.#taken += 1;
    const task = this.tasks[index];
    if (task) return Promise.resolve(task);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
  }
}
