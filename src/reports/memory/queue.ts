/**
 * The embedded queue: one FIFO per tenant, served round-robin, so a tenant that queues a hundred
 * reports delays another tenant's single report by at most one report per tenant.
 */
import type { QueueEntry, ReportQueue } from '../queue.js';

export class MemoryReportQueue implements ReportQueue {
  readonly #fifos = new Map<string, string[]>();
  /** Tenants with waiting reports, in serving order: the first one is served next. */
  #rotation: string[] = [];
  readonly #tenantOf = new Map<string, string>();

  get size(): number {
    return this.#tenantOf.size;
  }

  async enqueue(entry: QueueEntry): Promise<void> {
    if (this.#tenantOf.has(entry.id)) return;
    this.#tenantOf.set(entry.id, entry.tenant);
    const fifo = this.#fifos.get(entry.tenant);
    if (fifo) {
      fifo.push(entry.id);
      return;
    }
    this.#fifos.set(entry.tenant, [entry.id]);
    this.#rotation.push(entry.tenant);
  }

  async take(): Promise<QueueEntry | null> {
    const tenant = this.#rotation.shift();
    if (tenant === undefined) return null;
    const fifo = this.#fifos.get(tenant);
    const id = fifo?.shift();
    if (!fifo || id === undefined) throw new Error(`queue invariant broken: tenant ${tenant} rotates with no reports`);
    if (fifo.length > 0) this.#rotation.push(tenant);
    else this.#fifos.delete(tenant);
    this.#tenantOf.delete(id);
    return { id, tenant };
  }

  async remove(id: string): Promise<boolean> {
    const tenant = this.#tenantOf.get(id);
    if (tenant === undefined) return false;
    this.#tenantOf.delete(id);
    const fifo = this.#fifos.get(tenant) ?? [];
    fifo.splice(fifo.indexOf(id), 1);
    if (fifo.length === 0) {
      this.#fifos.delete(tenant);
      this.#rotation = this.#rotation.filter((t) => t !== tenant);
    }
    return true;
  }

  /**
   * Exact under round-robin: the report at index i of its tenant's FIFO starts in round i. Before it go
   * every tenant's first i reports (or all of them, if fewer) and, in round i, the reports of tenants
   * ahead of its own in the rotation that still have one.
   */
  position(id: string): number | null {
    const tenant = this.#tenantOf.get(id);
    if (tenant === undefined) return null;
    const round = this.#fifos.get(tenant)?.indexOf(id) ?? -1;
    if (round < 0) return null;
    let ahead = 0;
    let beforeOwnTenant = true;
    for (const other of this.#rotation) {
      if (other === tenant) beforeOwnTenant = false;
      const length = this.#fifos.get(other)?.length ?? 0;
      ahead += Math.min(length, round) + (beforeOwnTenant && length > round ? 1 : 0);
    }
    return ahead + 1;
  }
}
