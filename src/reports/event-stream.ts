/**
 * A push-fed async iterator of report events for one subscriber. return() releases the subscription at
 * once, even while a next() is waiting (an async generator would only notice after its next event,
 * keeping the listener until then). Events are delivered in version order; a subscriber that stops
 * reading loses superseded PROGRESS events first, and is disconnected if it still falls behind.
 */
import type { Unsubscribe } from './event-bus.js';
import type { ReportEvent } from './report.js';

export class SlowSubscriberError extends Error {
  override readonly name = 'SlowSubscriberError';
  constructor(limit: number) {
    super(`subscriber fell more than ${limit} events behind and was disconnected`);
  }
}

type Waiter = { resolve: (result: IteratorResult<ReportEvent>) => void; reject: (error: unknown) => void };

export class EventStream implements AsyncIterableIterator<ReportEvent> {
  readonly #buffer: ReportEvent[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #releases: Unsubscribe[] = [];
  /** No more events will be added: the stream ends once the buffer is drained. */
  #finished = false;
  #failure: unknown = null;

  constructor(private readonly maxBuffered = 1_000) {}

  /** Registers what return() and the end of the stream must release (the bus subscription). */
  onRelease(release: Unsubscribe): void {
    if (this.#finished) release();
    else this.#releases.push(release);
  }

  push(event: ReportEvent): void {
    if (this.#finished) return;
    const waiter = this.#waiters.shift();
    if (waiter) {
      waiter.resolve({ value: event, done: false });
      return;
    }
    this.#buffer.push(event);
    if (this.#buffer.length > this.maxBuffered) this.#shed();
  }

  /** Ends the stream after the buffered events and releases the subscription now. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#release();
    for (const waiter of this.#waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<ReportEvent>> {
    const event = this.#buffer.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.#failure !== null) {
      const failure = this.#failure;
      this.#failure = null;
      return Promise.reject(failure);
    }
    if (this.#finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<ReportEvent>> {
    this.#buffer.length = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<ReportEvent>> {
    this.#buffer.length = 0;
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ReportEvent> {
    return this;
  }

  #shed(): void {
    // Drop the oldest PROGRESS event that a later event of the same report supersedes.
    const seenLater = new Set<string>();
    let oldestSuperseded = -1;
    for (let index = this.#buffer.length - 1; index >= 0; index -= 1) {
      const event = this.#buffer[index];
      if (!event) continue;
      if (event.type === 'PROGRESS' && seenLater.has(event.report.id)) oldestSuperseded = index;
      seenLater.add(event.report.id);
    }
    if (oldestSuperseded >= 0) {
      this.#buffer.splice(oldestSuperseded, 1);
      return;
    }
    this.#buffer.length = 0;
    this.#failure = new SlowSubscriberError(this.maxBuffered);
    this.finish();
  }

  #release(): void {
    for (const release of this.#releases.splice(0)) release();
  }
}
