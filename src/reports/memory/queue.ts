/**
 * The embedded queue: one FIFO per tenant, served round-robin, so a tenant that queues a hundred
 * reports delays another tenant's single report by at most one report per tenant.
 *
 * Every operation stays cheap with tens of thousands of reports waiting: queuePosition (asked by each
 * createReport) finds a report in its FIFO by binary search over enqueue sequence numbers instead of
 * scanning it, and taking from a FIFO moves a head index instead of shifting an array.
 */
import type { QueueEntry, ReportQueue } from '../queue.js';

interface Waiting extends QueueEntry {
  /** Enqueue order across the whole queue: ascending inside every FIFO. */
  seq: number;
}

/** A FIFO of waiting reports, ascending by `seq`, with O(1) take and O(log n) lookup. */
class Fifo {
  #items: Waiting[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(item: Waiting): void {
    this.#items.push(item);
  }

  shift(): Waiting | undefined {
    const item = this.#items[this.#head];
    if (item === undefined) return undefined;
    this.#head += 1;
    // Drop the consumed prefix now and then, so the array does not grow without bound.
    if (this.#head >= 1_024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** Index of `item` from the head (0: next), or -1. */
  indexOf(item: Waiting): number {
    let low = this.#head;
    let high = this.#items.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const seq = this.#items[middle]!.seq;
      if (seq === item.seq) return middle - this.#head;
      if (seq < item.seq) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /**
   * Removes the item at `index` from the head. Mostly the head itself: queued reports time out, and are
   * interrupted at shutdown, in the order they were queued, and that must not cost a splice each.
   */
  removeAt(index: number): void {
    if (index === 0) this.shift();
    else this.#items.splice(this.#head + index, 1);
  }
}

export class MemoryReportQueue implements ReportQueue {
  readonly #fifos = new Map<string, Fifo>();
  /** Tenants with waiting reports, in serving order: the first one is served next. */
  #rotation: string[] = [];
  readonly #waiting = new Map<string, Waiting>();
  #nextSeq = 0;

  get size(): number {
    return this.#waiting.size;
  }

  async enqueue(entry: QueueEntry): Promise<void> {
    if (this.#waiting.has(entry.id)) return;
    const waiting: Waiting = { id: entry.id, tenant: entry.tenant, seq: this.#nextSeq++ };
    this.#waiting.set(entry.id, waiting);
    const fifo = this.#fifos.get(entry.tenant);
    if (fifo) {
      fifo.push(waiting);
      return;
    }
    const created = new Fifo();
    created.push(waiting);
    this.#fifos.set(entry.tenant, created);
    this.#rotation.push(entry.tenant);
  }

  async take(): Promise<QueueEntry | null> {
    const tenant = this.#rotation.shift();
    if (tenant === undefined) return null;
    const fifo = this.#fifos.get(tenant);
    const waiting = fifo?.shift();
    if (!fifo || waiting === undefined) throw new Error(`queue invariant broken: tenant ${tenant} rotates with no reports`);
    if (fifo.length > 0) this.#rotation.push(tenant);
    else this.#fifos.delete(tenant);
    this.#waiting.delete(waiting.id);
    return { id: waiting.id, tenant };
  }

  async remove(id: string): Promise<boolean> {
    const waiting = this.#waiting.get(id);
    if (waiting === undefined) return false;
    this.#waiting.delete(id);
    const fifo = this.#fifos.get(waiting.tenant);
    if (!fifo) return true;
    const index = fifo.indexOf(waiting);
    if (index >= 0) fifo.removeAt(index);
    if (fifo.length === 0) {
      this.#fifos.delete(waiting.tenant);
      this.#rotation = this.#rotation.filter((t) => t !== waiting.tenant);
    }
    return true;
  }

  /**
   * Exact under round-robin: the report at index i of its tenant's FIFO starts in round i. Before it go
   * every tenant's first i reports (or all of them, if fewer) and, in round i, the reports of tenants
   * ahead of its own in the rotation that still have one.
   */
  position(id: string): number | null {
    const waiting = this.#waiting.get(id);
    if (waiting === undefined) return null;
    const round = this.#fifos.get(waiting.tenant)?.indexOf(waiting) ?? -1;
    if (round < 0) return null;
    let ahead = 0;
    let beforeOwnTenant = true;
    for (const other of this.#rotation) {
      if (other === waiting.tenant) beforeOwnTenant = false;
      const length = this.#fifos.get(other)?.length ?? 0;
      ahead += Math.min(length, round) + (beforeOwnTenant && length > round ? 1 : 0);
    }
    return ahead + 1;
  }
}
