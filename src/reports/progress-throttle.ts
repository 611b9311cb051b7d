/**
 * Limits progress updates of one report to one per interval (~10 per second by default): the first goes
 * out at once, later ones within the interval collapse into the latest, sent when the interval ends.
 */
import type { Clock, TimerHandle } from './clock.js';
import type { Progress } from './report.js';

export class ProgressThrottle {
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #pending: Progress | null = null;
  #timer: TimerHandle | null = null;
  #closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly send: (progress: Progress) => void,
  ) {}

  push(progress: Progress): void {
    if (this.#closed) return;
    const wait = this.#lastSentAt + this.intervalMs - this.clock.now();
    if (wait <= 0 && this.#timer === null) {
      this.#emit(progress);
      return;
    }
    this.#pending = progress;
    this.#timer ??= this.clock.setTimeout(() => {
      this.#timer = null;
      const latest = this.#pending;
      this.#pending = null;
      if (latest && !this.#closed) this.#emit(latest);
    }, Math.max(0, wait));
  }

  /** Drops what is pending; nothing is sent after this. */
  close(): void {
    this.#closed = true;
    this.#pending = null;
    if (this.#timer !== null) this.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #emit(progress: Progress): void {
    this.#lastSentAt = this.clock.now();
    this.send(progress);
  }
}
