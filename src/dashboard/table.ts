/**
 * The live table of reports. Each row is keyed by report id and updated in place, cell by cell, only
 * where something changed: a progress event moves the bar without replacing the row's buttons, so a
 * click on Cancel is never lost to a re-render.
 */
import { CancelReportDocument } from '../clients/generated/graphql.js';
import { formatCoordinates, formatDuration, formatMoneyCompact } from '../documents/format.js';
import type { Api } from './api.js';
import { toApiError } from './api.js';
import { h, replace } from './dom.js';
import { isLive, progressBar, statusBadge, updateProgressBar } from './status.js';
import type { ReportRows, Row } from './store.js';
import type { ReportSync, SyncStatus } from './sync.js';
import { toast } from './toast.js';

const COLUMNS = ['Status', 'Asset', 'Created', 'Progress · queue', 'Duration', ''] as const;

/** No cell has been drawn yet: differs from every real key. */
const UNDRAWN = '\u0000';

/** Per cell, what it shows: a cell is rebuilt only when its key changes. */
interface RowView {
  tr: HTMLTableRowElement;
  cells: HTMLTableCellElement[];
  keys: string[];
}

/** Why a report ended, without repeating its status badge. */
function finalWords(row: Row): string {
  const code = row.error?.code;
  if (row.status === 'TIMED_OUT') return 'Deadline passed';
  if (row.status === 'CANCELLED') return code === 'INTERRUPTED' ? 'Interrupted by a shutdown' : 'Stopped on request';
  return code ?? row.status;
}

export function reportHref(id: string): string {
  return `#/reports/${encodeURIComponent(id)}`;
}

export function assetName(row: Row): string {
  return row.input.building.name || row.input.location.address || formatCoordinates(row.input.location.latitude, row.input.location.longitude);
}

function durationText(row: Row, now: number): { text: string; title: string } {
  const created = Date.parse(row.createdAt);
  const started = row.startedAt ? Date.parse(row.startedAt) : null;
  const finished = row.finishedAt ? Date.parse(row.finishedAt) : null;
  if (row.status === 'QUEUED') return { text: `waiting ${formatDuration(now - created)}`, title: 'Time in the queue so far' };
  if (row.status === 'RUNNING' && started !== null) return { text: formatDuration(now - started), title: 'Running for' };
  if (finished !== null) {
    const analysis = started !== null ? `; analysis ${formatDuration(finished - started)}` : '';
    return { text: formatDuration(finished - created), title: `From request to ${row.status.toLowerCase().replace('_', ' ')}${analysis}` };
  }
  return { text: '—', title: '' };
}

export class ReportsTable {
  readonly element: HTMLElement;
  readonly #api: Api;
  readonly #rows: ReportRows;
  readonly #sync: ReportSync;
  readonly #tbody: HTMLTableSectionElement;
  readonly #footer: HTMLDivElement;
  readonly #empty: HTMLDivElement;
  readonly #views = new Map<string, RowView>();
  readonly #fresh = new Set<string>();

  constructor(api: Api, rows: ReportRows, sync: ReportSync) {
    this.#api = api;
    this.#rows = rows;
    this.#sync = sync;
    this.#tbody = h('tbody');
    this.#footer = h('div', { class: 'table-footer' });
    this.#empty = h('div', { class: 'empty' }, 'No reports yet. Request one with the form: it appears here at once and updates live.');
    const table = h(
      'table',
      { class: 'reports', 'aria-label': 'Reports' },
      h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
      this.#tbody,
    );
    this.element = h('div', { class: 'table-wrap' }, table, this.#empty, this.#footer);
    rows.subscribe((changed, removed) => this.#apply(changed, removed));
    sync.onChange((status) => this.#renderFooter(status));
    this.#apply(rows.all(), []);
    // Durations of live reports grow by the second without any event.
    setInterval(() => this.#tick(), 1_000);
  }

  /** Marks a report the user just asked for, so its row stands out when it appears. */
  highlight(id: string): void {
    this.#fresh.add(id);
    const view = this.#views.get(id);
    if (view) view.tr.classList.add('fresh');
  }

  #apply(changed: readonly Row[], removed: readonly string[]): void {
    for (const id of removed) {
      this.#views.get(id)?.tr.remove();
      this.#views.delete(id);
    }
    for (const row of changed) this.#renderRow(row);
    // Keep newest first: only move rows whose place is wrong (moving a row would restart its animations).
    const order = this.#rows.all();
    order.forEach((row, index) => {
      const tr = this.#views.get(row.id)?.tr;
      if (tr && this.#tbody.children[index] !== tr) this.#tbody.insertBefore(tr, this.#tbody.children[index] ?? null);
    });
    this.#empty.hidden = this.#views.size > 0;
  }

  #renderRow(row: Row): void {
    let view = this.#views.get(row.id);
    if (!view) {
      const cells = COLUMNS.map((_, i) => h('td', { class: `col-${i}` }));
      const tr = h('tr', { 'data-id': row.id }, ...cells);
      if (this.#fresh.has(row.id)) tr.classList.add('fresh');
      view = { tr, cells, keys: COLUMNS.map(() => UNDRAWN) };
      this.#views.set(row.id, view);
    }
    // The attribute first: it is what tests and styles watch, and it must change with every status.
    if (view.tr.dataset['status'] !== row.status) view.tr.dataset['status'] = row.status;
    const now = Date.now();
    this.#cell(view, 0, row.status, () => [statusBadge(row.status)]);
    this.#cell(view, 1, 'asset', () => this.#assetCell(row));
    this.#cell(view, 2, 'created', () => {
      const created = new Date(row.createdAt);
      return [h('time', { datetime: row.createdAt, title: created.toLocaleString() }, created.toLocaleTimeString())];
    });
    this.#progressCell(view, row);
    const duration = durationText(row, now);
    this.#cell(view, 4, `${duration.text}|${duration.title}`, () => [h('span', { title: duration.title }, duration.text)]);
    this.#cell(view, 5, isLive(row.status) ? 'live' : 'final', () => this.#actions(row));
  }

  #cell(view: RowView, index: number, key: string, render: () => (Node | null)[]): void {
    if (view.keys[index] === key) return;
    view.keys[index] = key;
    const cell = view.cells[index];
    if (cell) replace(cell, ...render());
  }

  #assetCell(row: Row): Node[] {
    const { location, asset, language } = row.input;
    const sub = `${location.address ? `${location.address} · ` : ''}${formatCoordinates(location.latitude, location.longitude)}`;
    return [
      h('a', { href: reportHref(row.id), class: 'asset-name' }, assetName(row)),
      h('div', { class: 'sub' }, `${sub} · ${formatMoneyCompact(asset.value, asset.currency, 'EN')} · ${language}`),
    ];
  }

  #progressCell(view: RowView, row: Row): void {
    const cell = view.cells[3];
    if (!cell) return;
    if (row.status === 'RUNNING') {
      const percent = row.progress?.percent ?? 0;
      const stage = row.progress?.stage ?? 'starting';
      const bar = cell.querySelector('.progress');
      if (view.keys[3] === 'bar' && bar) updateProgressBar(bar, percent, stage);
      else {
        view.keys[3] = 'bar';
        replace(cell, progressBar(percent, stage));
      }
      return;
    }
    if (row.status === 'QUEUED') {
      const place = row.queuePosition ?? null;
      this.#cell(view, 3, `queued|${place}`, () => [
        h('span', { class: 'queue' }, 'Waiting for a worker'),
        place === null ? null : h('span', { class: 'queue-pos', title: 'Place in the queue (1: next to start)' }, ` · #${place} in the queue`),
      ]);
      return;
    }
    const text = row.status === 'COMPLETED' ? 'Done' : finalWords(row);
    this.#cell(view, 3, `text|${text}`, () => [
      h('span', { class: row.status === 'FAILED' ? 'error-code' : 'muted', title: row.error?.message ?? '' }, text),
    ]);
  }

  #actions(row: Row): Node[] {
    const open = h('a', { class: 'button small secondary', href: reportHref(row.id) }, 'Open');
    if (!isLive(row.status)) return [h('div', { class: 'actions' }, open)];
    const cancel = h('button', { class: 'button small danger', type: 'button', 'data-action': 'cancel' }, 'Cancel');
    cancel.addEventListener('click', () => void this.#cancel(row.id, cancel));
    return [h('div', { class: 'actions' }, open, cancel)];
  }

  async #cancel(id: string, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const { cancelReport } = await this.#api.request(CancelReportDocument, { id });
      const held = this.#rows.get(id);
      if (held) this.#rows.merge([{ ...held, ...cancelReport }]);
    } catch (error) {
      const apiError = toApiError(error);
      toast(apiError.code === 'INVALID_STATE' ? 'The report finished before it could be cancelled.' : `Cancel failed: ${apiError.message}`, 'error');
      button.disabled = false;
    }
  }

  #tick(): void {
    const now = Date.now();
    for (const row of this.#rows.live()) {
      const view = this.#views.get(row.id);
      if (!view) continue;
      const duration = durationText(row, now);
      this.#cell(view, 4, `${duration.text}|${duration.title}`, () => [h('span', { title: duration.title }, duration.text)]);
    }
  }

  #renderFooter(status: SyncStatus): void {
    const parts: Node[] = [];
    if (status.error) {
      parts.push(
        h(
          'p',
          { class: 'notice error', role: 'status' },
          status.error.code === 'UNAUTHENTICATED' ? 'The server needs an API key: set one with the “API key” button above.' : `Could not load the reports: ${status.error.message}`,
        ),
      );
    }
    if (status.vanished > 0) {
      parts.push(h('p', { class: 'notice', role: 'status' }, `${status.vanished} report(s) no longer exist on the server (it restarted, or they expired); they were removed from the list.`));
    }
    if (status.hasMore) {
      const more = h('button', { class: 'button secondary', type: 'button', disabled: status.loading }, status.loading ? 'Loading…' : 'Load older reports');
      more.addEventListener('click', () => void this.#sync.loadMore());
      parts.push(more);
    }
    replace(this.#footer, ...parts);
  }
}
