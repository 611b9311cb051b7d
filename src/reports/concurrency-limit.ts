/**
 * At most `limit` tasks at once (the LLM narratives: network waits on the main thread, bounded by the
 * provider's rate limit rather than by threads). Waiting for a turn is abortable.
 */
import { Semaphore } from 'async-mutex';
import { raceAbort } from './abort.js';

export class ConcurrencyLimit {
  readonly #semaphore: Semaphore;
  #active = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a whole number >= 1, got ${limit}`);
    this.#semaphore = new Semaphore(limit);
  }

  /** Tasks running now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Runs `task` once a turn is free. The turn is held until the task settles (a task that ignores the
   * signal keeps its turn: the limit stays true), so callers that must not wait race the result.
   */
  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const acquiring = this.#semaphore.acquire();
    let release: () => void;
    try {
      [, release] = await raceAbort(acquiring, signal);
    } catch (error) {
      // Gave up waiting: hand the turn back whenever it comes.
      void acquiring.then(([, late]) => late());
      throw error;
    }
    this.#active += 1;
    try {
      return await task();
    } finally {
      this.#active -= 1;
      release();
    }
  }
}
