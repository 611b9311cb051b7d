/**
 * Where reports live: the single source of truth for their state. Every change goes through
 * {@link ReportStore.transition}, which applies the lifecycle rules (./lifecycle.ts) atomically, bumps the
 * version and publishes the event after the change is committed. Implementations: memory/store.ts now,
 * a Redis store later.
 */
import type { NewReport, ReportChange } from './lifecycle.js';
import type { Report, ReportEvent, ReportStatus } from './report.js';

export type InsertOutcome =
  | { kind: 'created'; report: Report }
  /** The tenant already has a report with this idempotency key: that one, nothing stored. */
  | { kind: 'existing'; report: Report }
  /** `maxQueued` reports are already QUEUED: nothing stored. */
  | { kind: 'queue-full' };

export interface ListQuery {
  first: number;
  /** An opaque cursor from a previous page (its endCursor). */
  after?: string | null;
  /** Only reports in one of these statuses; all when absent or empty. */
  status?: readonly ReportStatus[] | null;
}

export interface ReportPage {
  reports: Report[];
  hasNextPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
  /** The cursor of any report on the page (Relay edges carry one each). */
  cursorOf(report: Report): string;
}

export interface ReportStore {
  /**
   * One atomic step: return the tenant's report with the same idempotency key if there is one; else
   * refuse when `maxQueued` reports wait; else store the new QUEUED report and publish its QUEUED event.
   */
  insert(fields: NewReport, limits: { maxQueued: number }): Promise<InsertOutcome>;
  /** null when absent or expired. */
  get(id: string): Promise<Report | null>;
  /** The tenant's reports, newest first. Throws InvalidCursorError for a cursor it did not make. */
  list(tenant: string, query: ListQuery): Promise<ReportPage>;
  /**
   * The only way a report changes. Returns the published event, or null when the report is unknown or
   * the lifecycle refuses the change (e.g. anything after a terminal state); a refusal is logged at debug.
   */
  transition(id: string, change: ReportChange): Promise<ReportEvent | null>;
  /** Reports not in a terminal state yet (shutdown interrupts them). */
  live(): Promise<Report[]>;
  /** Stops the store's timers. */
  close(): Promise<void>;
}
