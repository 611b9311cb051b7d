/**
 * The reports the table shows, merged from three sources that can arrive in any order: the `reports`
 * page, the `reportFeed` events and the createReport answer. A report's `version` grows with every
 * change, so the newest version wins and a late, older copy is dropped.
 */
import type { ReportRowFragment } from '../clients/generated/graphql.js';

export type Row = ReportRowFragment;

export type RowsListener = (changed: readonly Row[], removed: readonly string[]) => void;

export class ReportRows {
  readonly #rows = new Map<string, Row>();
  readonly #listeners = new Set<RowsListener>();

  get size(): number {
    return this.#rows.size;
  }

  get(id: string): Row | undefined {
    return this.#rows.get(id);
  }

  /** Newest first, like the API's list. */
  all(): Row[] {
    return [...this.#rows.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /**
   * Applies copies of reports; one at the same version replaces the held one too, because fields the
   * server computes when it reads (the queue position) may have changed without a new version.
   */
  merge(rows: readonly Row[]): void {
    const changed: Row[] = [];
    for (const row of rows) {
      const held = this.#rows.get(row.id);
      if (held && held.version > row.version) continue;
      this.#rows.set(row.id, row);
      changed.push(row);
    }
    if (changed.length > 0) this.#notify(changed, []);
  }

  remove(ids: readonly string[]): void {
    const removed = ids.filter((id) => this.#rows.delete(id));
    if (removed.length > 0) this.#notify([], removed);
  }

  /** Reports still QUEUED or RUNNING here. */
  live(): Row[] {
    return this.all().filter((row) => row.status === 'QUEUED' || row.status === 'RUNNING');
  }

  subscribe(listener: RowsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(changed: readonly Row[], removed: readonly string[]): void {
    for (const listener of this.#listeners) listener(changed, removed);
  }
}
