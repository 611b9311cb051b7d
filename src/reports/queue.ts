/**
 * The order in which QUEUED reports start: fair across tenants. Implementations: memory/queue.ts now,
 * BullMQ later. The store, not the queue, decides whether a report may still start (a report cancelled
 * or timed out while queued is removed here, and refused by the store should it be taken anyway).
 */
export interface QueueEntry {
  id: string;
  tenant: string;
}

export interface ReportQueue {
  enqueue(entry: QueueEntry): Promise<void>;
  /** The next report to start, or null when none waits. */
  take(): Promise<QueueEntry | null>;
  /** false when the report was not waiting. */
  remove(id: string): Promise<boolean>;
  /** 1 = next to start; null when not waiting. Synchronous: the service API's queuePosition is. */
  position(id: string): number | null;
  /** Reports waiting. */
  readonly size: number;
}
