/** One timer per live report, firing at its deadline; cleared as soon as the report finishes. */
import type { Clock, TimerHandle } from './clock.js';

// setTimeout fires at once for delays past 2^31 - 1 ms; a longer wait is re-armed when it fires.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export class DeadlineTimers {
  readonly #timers = new Map<string, TimerHandle>();

  constructor(private readonly clock: Clock) {}

  schedule(id: string, deadline: number, onDue: () => void): void {
    this.clear(id);
    const delay = deadline - this.clock.now();
    this.#timers.set(
      id,
      this.clock.setTimeout(
        () => {
          this.#timers.delete(id);
          if (this.clock.now() >= deadline) onDue();
          else this.schedule(id, deadline, onDue);
        },
        Math.min(Math.max(0, delay), MAX_TIMER_DELAY_MS),
      ),
    );
  }

  clear(id: string): void {
    const timer = this.#timers.get(id);
    if (timer === undefined) return;
    this.clock.clearTimeout(timer);
    this.#timers.delete(id);
  }

  clearAll(): void {
    for (const timer of this.#timers.values()) this.clock.clearTimeout(timer);
    this.#timers.clear();
  }

  get size(): number {
    return this.#timers.size;
  }
}
