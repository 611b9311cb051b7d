/**
 * Keeps the table's reports current: the live feed first (so nothing happening while the first page
 * loads is missed), then the first page; after a reconnection, the page again, to catch up on what
 * happened while the socket was down.
 */
import {
  ReportRowByIdDocument,
  ReportRowFeedDocument,
  ReportRowsDocument,
} from '../clients/generated/graphql.js';
import type { Api, ApiError } from './api.js';
import type { ReportRows } from './store.js';

const PAGE_SIZE = 50;
/** Queue positions shift when a report leaves the queue; several leave at once under load. */
const QUEUE_REFRESH_DELAY_MS = 150;

export interface SyncStatus {
  /** The last failure to load or follow the reports; null once it works again. */
  error: ApiError | null;
  hasMore: boolean;
  loading: boolean;
  /** Reports that vanished from the server (restart, expiry) since the last look. */
  vanished: number;
}

export class ReportSync {
  readonly #api: Api;
  readonly #rows: ReportRows;
  #status: SyncStatus = { error: null, hasMore: false, loading: false, vanished: 0 };
  #cursor: string | null = null;
  #loadedMore = false;
  #queueTimer: ReturnType<typeof setTimeout> | null = null;
  readonly #listeners = new Set<(status: SyncStatus) => void>();

  constructor(api: Api, rows: ReportRows) {
    this.#api = api;
    this.#rows = rows;
  }

  get status(): SyncStatus {
    return this.#status;
  }

  start(): void {
    this.#api.subscribe(ReportRowFeedDocument, {}, {
      next: ({ reportFeed: event }) => {
        if (event.type === 'EXPIRED') this.#rows.remove([event.report.id]);
        else this.#rows.merge([event.report]);
        if (event.type !== 'PROGRESS' && this.#rows.all().some((row) => row.status === 'QUEUED')) this.#refreshQueueSoon();
        if (this.#status.error) this.#update({ error: null });
      },
      error: (error) => this.#update({ error }),
    });
    this.#api.onReconnect(() => void this.#catchUp());
    void this.#loadFirstPage();
  }

  async loadMore(): Promise<void> {
    if (!this.#status.hasMore || this.#status.loading) return;
    await this.#load(this.#cursor);
  }

  onChange(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  async #loadFirstPage(): Promise<void> {
    await this.#load(null);
  }

  async #load(after: string | null): Promise<void> {
    this.#update({ loading: true });
    try {
      const { reports } = await this.#api.request(ReportRowsDocument, { first: PAGE_SIZE, after });
      this.#rows.merge(reports.edges.map((edge) => edge.node));
      // Reloading the first page (after a reconnection) must not forget the pages shown after it.
      const keepPaging = after === null && this.#loadedMore;
      if (after !== null) this.#loadedMore = true;
      if (!keepPaging) this.#cursor = reports.pageInfo.endCursor;
      this.#update({ loading: false, hasMore: keepPaging ? this.#status.hasMore : reports.pageInfo.hasNextPage, error: null });
    } catch (error) {
      this.#update({ loading: false, error: error as ApiError });
    }
  }

  /** After a reconnection: the first page again, and a look at each live report it did not include. */
  async #catchUp(): Promise<void> {
    const liveBefore = this.#rows.live().map((row) => row.id);
    await this.#loadFirstPage();
    let vanished = 0;
    for (const id of liveBefore) {
      const row = this.#rows.get(id);
      if (!row || (row.status !== 'QUEUED' && row.status !== 'RUNNING')) continue;
      try {
        const { report } = await this.#api.request(ReportRowByIdDocument, { id });
        if (report) this.#rows.merge([report]);
        else {
          this.#rows.remove([id]);
          vanished += 1;
        }
      } catch {
        // The next reconnection tries again.
      }
    }
    if (vanished > 0) this.#update({ vanished: this.#status.vanished + vanished });
  }

  #refreshQueueSoon(): void {
    if (this.#queueTimer !== null) return;
    this.#queueTimer = setTimeout(() => {
      this.#queueTimer = null;
      this.#api.request(ReportRowsDocument, { first: 100, status: ['QUEUED'] }).then(
        ({ reports }) => this.#rows.merge(reports.edges.map((edge) => edge.node)),
        () => undefined, // positions refresh with the next event
      );
    }, QUEUE_REFRESH_DELAY_MS);
  }

  #update(patch: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...patch };
    for (const listener of this.#listeners) listener(this.#status);
  }
}
