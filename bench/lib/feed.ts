/**
 * Watches our service's events over graphql-ws: one reportFeed subscription (or reportEvents of one
 * report) whose events are kept with the client's receive time (monotonic ns and wall ms).
 */
import type { EventShape } from './operations.js';
import { REPORT_EVENTS, REPORT_FEED } from './operations.js';
import type { WsConnection } from './ws-client.js';

export interface ReceivedEvent {
  event: EventShape;
  receivedNs: bigint;
  /** Date.now() at arrival: the clock the server's timestamps (deadline, startedAt, …) come from. */
  receivedWallMs: number;
}

export class EventLog {
  readonly events: ReceivedEvent[] = [];
  #waiters: { test: () => boolean; resolve: () => void }[] = [];
  #failure: unknown = null;

  add(payload: { data?: Record<string, unknown> | null; errors?: unknown[] }, receivedNs: bigint, field: string): void {
    const receivedWallMs = Date.now();
    const event = payload.data?.[field] as EventShape | undefined;
    if (!event) {
      this.fail(new Error(`subscription error: ${JSON.stringify(payload.errors ?? payload).slice(0, 300)}`));
      return;
    }
    this.events.push({ event, receivedNs, receivedWallMs });
    this.#check();
  }

  fail(error: unknown): void {
    this.#failure ??= error;
    this.#check();
  }

  /** Resolves once `test` holds; rejects after `timeoutMs` or when the subscription failed. */
  until(test: (events: readonly ReceivedEvent[]) => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${this.events.length} events so far)`));
      }, timeoutMs);
      const waiter = {
        test: () => {
          if (this.#failure !== null) {
            clearTimeout(timer);
            reject(this.#failure instanceof Error ? this.#failure : new Error(String(this.#failure)));
            return true;
          }
          if (!test(this.events)) return false;
          clearTimeout(timer);
          resolve();
          return true;
        },
        resolve,
      };
      if (!waiter.test()) this.#waiters.push(waiter);
    });
  }

  #check(): void {
    this.#waiters = this.#waiters.filter((waiter) => !waiter.test());
  }
}

/** Every event of the caller's reports (optionally only those leaving a report in `statuses`). */
export function watchFeed(connection: WsConnection, statuses?: readonly string[]): EventLog {
  const log = new EventLog();
  connection.subscribe(REPORT_FEED, statuses ? { status: statuses } : {}, {
    next: (payload, receivedNs) => log.add(payload, receivedNs, 'reportFeed'),
    error: (error) => log.fail(error),
  });
  return log;
}

/** The events of one report: SNAPSHOT first, then each change (`query`: the selection to use). */
export function watchReport(connection: WsConnection, id: string, log: EventLog = new EventLog(), query = REPORT_EVENTS): EventLog {
  connection.subscribe(query, { id }, {
    next: (payload, receivedNs) => log.add(payload, receivedNs, 'reportEvents'),
    error: (error) => log.fail(error),
  });
  return log;
}

/** Number of distinct reports that reached one of `statuses` in the log. */
export function countFinished(events: readonly ReceivedEvent[], statuses: readonly string[]): number {
  const done = new Set<string>();
  for (const { event } of events) if (statuses.includes(event.report.status)) done.add(event.report.id);
  return done.size;
}
