/**
 * The embedded store: a map guarded by an async-mutex. Finished reports expire after `resultTtlMs` and
 * the map holds at most `maxStoredReports` (the oldest finished report is evicted first; a live report
 * never is). Expiry and eviction publish an EXPIRED event, so subscribers learn the report is gone.
 */
import { Mutex } from 'async-mutex';
import type { Logger } from 'pino';
import type { Clock, TimerHandle } from '../clock.js';
import { decodeCursor, encodeCursor, newestFirst } from '../cursor.js';
import type { EventBus } from '../event-bus.js';
import { applyChange, createReport, expiredEvent, type NewReport, type ReportChange } from '../lifecycle.js';
import { isTerminal, type Report, type ReportEvent } from '../report.js';
import type { InsertOutcome, ListQuery, ReportPage, ReportStore } from '../store.js';

export interface MemoryReportStoreOptions {
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  /** How long a finished report stays readable. */
  resultTtlMs: number;
  /** Size bound; live reports may push past it (they are bounded by the queue and the pool instead). */
  maxStoredReports: number;
}

// setTimeout fires at once for delays past 2^31 - 1 ms; a longer wait is re-armed when it fires.
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export class MemoryReportStore implements ReportStore {
  readonly #mutex = new Mutex();
  readonly #reports = new Map<string, Report>();
  readonly #idsByTenant = new Map<string, Set<string>>();
  /** `${tenant}\0${key}` → report id */
  readonly #idempotency = new Map<string, string>();
  /** Finished report id → expiry time. Insertion order is finishing order, so the first entry expires first. */
  readonly #finished = new Map<string, number>();
  #queuedCount = 0;
  /** Warned that live reports alone fill the store; cleared once it is back within its bound. */
  #pastBound = false;
  #expiryTimer: TimerHandle | null = null;
  #closed = false;

  constructor(private readonly options: MemoryReportStoreOptions) {}

  insert(fields: NewReport, limits: { maxQueued: number }): Promise<InsertOutcome> {
    return this.#mutex.runExclusive((): InsertOutcome => {
      const key = fields.idempotencyKey === null ? null : idempotencyIndexKey(fields.tenant, fields.idempotencyKey);
      const existingId = key === null ? undefined : this.#idempotency.get(key);
      const existing = existingId === undefined ? undefined : this.#reports.get(existingId);
      if (existing) return { kind: 'existing', report: existing };
      if (this.#queuedCount >= limits.maxQueued) return { kind: 'queue-full' };

      this.#evictForRoom();
      const { report, event } = createReport(fields);
      this.#reports.set(report.id, report);
      let tenantIds = this.#idsByTenant.get(report.tenant);
      if (!tenantIds) this.#idsByTenant.set(report.tenant, (tenantIds = new Set()));
      tenantIds.add(report.id);
      if (key !== null) this.#idempotency.set(key, report.id);
      this.#queuedCount += 1;
      this.options.bus.publish(event);
      return { kind: 'created', report };
    });
  }

  async get(id: string): Promise<Report | null> {
    return this.#reports.get(id) ?? null;
  }

  async list(tenant: string, query: ListQuery): Promise<ReportPage> {
    const statuses = query.status && query.status.length > 0 ? new Set(query.status) : null;
    const after = query.after ? decodeCursor(query.after) : null;
    const matching: Report[] = [];
    for (const id of this.#idsByTenant.get(tenant) ?? []) {
      const report = this.#reports.get(id);
      if (!report || (statuses && !statuses.has(report.status))) continue;
      if (after && newestFirst(after, report) >= 0) continue;
      matching.push(report);
    }
    matching.sort(newestFirst);
    const page = matching.slice(0, Math.max(0, query.first));
    const first = page[0];
    const last = page[page.length - 1];
    return {
      reports: page,
      hasNextPage: matching.length > page.length,
      startCursor: first ? encodeCursor(first) : null,
      endCursor: last ? encodeCursor(last) : null,
      cursorOf: encodeCursor,
    };
  }

  transition(id: string, change: ReportChange): Promise<ReportEvent | null> {
    return this.#mutex.runExclusive(() => {
      const report = this.#reports.get(id);
      if (!report) {
        this.options.logger.debug({ reportId: id, change: change.kind }, 'transition refused: no such report');
        return null;
      }
      const outcome = applyChange(report, change, this.options.clock.now());
      if (!outcome.accepted) {
        this.options.logger.debug({ reportId: id, change: change.kind, reason: outcome.reason }, 'transition refused');
        return null;
      }
      const next = outcome.report;
      this.#reports.set(id, next);
      if (report.status === 'QUEUED' && next.status !== 'QUEUED') this.#queuedCount -= 1;
      if (isTerminal(next.status)) {
        this.#finished.set(id, (next.finishedAt ?? this.options.clock.now()) + this.options.resultTtlMs);
        this.#armExpiryTimer();
      }
      // Published inside the critical section: subscribers see events in version order.
      this.options.bus.publish(outcome.event);
      return outcome.event;
    });
  }

  async live(): Promise<Report[]> {
    return [...this.#reports.values()].filter((report) => !isTerminal(report.status));
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#expiryTimer !== null) this.options.clock.clearTimeout(this.#expiryTimer);
    this.#expiryTimer = null;
  }

  /** Reports held now (tests check the size bound). */
  get size(): number {
    return this.#reports.size;
  }

  #evictForRoom(): void {
    while (this.#reports.size >= this.options.maxStoredReports) {
      const oldest = this.#finished.keys().next();
      if (oldest.done) {
        // Once per episode: with a deep queue every insert lands here, and a warning per request would
        // cost more than the insert (seen at thousands of createReport per second in the bench).
        if (!this.#pastBound) this.options.logger.warn({ stored: this.#reports.size }, 'store is past its size bound with only live reports');
        this.#pastBound = true;
        return;
      }
      this.#remove(oldest.value, 'evicted');
    }
    this.#pastBound = false;
  }

  #remove(id: string, why: 'expired' | 'evicted'): void {
    const report = this.#reports.get(id);
    this.#finished.delete(id);
    if (!report) return;
    this.#reports.delete(id);
    const tenantIds = this.#idsByTenant.get(report.tenant);
    tenantIds?.delete(id);
    if (tenantIds?.size === 0) this.#idsByTenant.delete(report.tenant);
    if (report.idempotencyKey !== null) this.#idempotency.delete(idempotencyIndexKey(report.tenant, report.idempotencyKey));
    this.options.logger.debug({ reportId: id, why }, 'report removed');
    this.options.bus.publish(expiredEvent(report, this.options.clock.now()));
  }

  #armExpiryTimer(): void {
    if (this.#expiryTimer !== null || this.#closed) return;
    const next = this.#finished.values().next();
    if (next.done) return;
    const delay = Math.min(Math.max(0, next.value - this.options.clock.now()), MAX_TIMER_DELAY_MS);
    this.#expiryTimer = this.options.clock.setTimeout(() => {
      this.#expiryTimer = null;
      void this.#mutex.runExclusive(() => this.#expireDue()).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'expiring reports failed');
      });
    }, delay);
  }

  #expireDue(): void {
    const now = this.options.clock.now();
    for (const [id, expiresAt] of this.#finished) {
      if (expiresAt > now) break;
      this.#remove(id, 'expired');
    }
    this.#armExpiryTimer();
  }
}

function idempotencyIndexKey(tenant: string, key: string): string {
  return `${tenant}\u0000${key}`;
}
