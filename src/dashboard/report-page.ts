/**
 * One report's page: its header (status, documents, cancel), its progress live while it runs
 * (reportEvents, resumed with `since` after a reconnection), then its result (report-result.ts).
 */
import { CancelReportDocument, ReportDocument, ReportEventsDocument } from '../clients/generated/graphql.js';
import { formatCoordinates, formatDuration } from '../documents/format.js';
import type { Api, ApiError } from './api.js';
import { toApiError } from './api.js';
import { h, icon, replace } from './dom.js';
import { card, renderResult } from './report-result.js';
import type { FullReport } from './report-result.js';
import { isLive, progressBar, statusBadge, statusLabel, updateProgressBar } from './status.js';
import { toast } from './toast.js';

export class ReportPage {
  readonly element: HTMLElement;
  readonly #api: Api;
  readonly #id: string;
  #report: FullReport | null = null;
  #unsubscribe: (() => void) | null = null;
  #stopReconnect: (() => void) | null = null;
  #header: HTMLElement | null = null;
  #body: HTMLElement | null = null;
  #disposed = false;

  constructor(api: Api, id: string) {
    this.#api = api;
    this.#id = id;
    this.element = h('div', { class: 'report-page', 'data-report-id': id }, h('p', { class: 'muted loading' }, 'Loading the report…'));
    void this.#load();
  }

  dispose(): void {
    this.#disposed = true;
    this.#unsubscribe?.();
    this.#stopReconnect?.();
  }

  async #load(): Promise<void> {
    try {
      const { report } = await this.#api.request(ReportDocument, { id: this.#id });
      if (this.#disposed) return;
      if (!report) {
        this.#showMissing();
        return;
      }
      this.#report = report;
      this.#renderAll();
      if (isLive(report.status)) this.#follow();
    } catch (error) {
      if (!this.#disposed) this.#showError(toApiError(error));
    }
  }

  /** Follows the report from the version we hold; after a reconnection, again from the newest one. */
  #follow(): void {
    const subscribe = (): void => {
      this.#unsubscribe?.();
      this.#unsubscribe = this.#api.subscribe(ReportEventsDocument, { id: this.#id, since: this.#report?.version ?? null }, {
        next: ({ reportEvents: event }) => {
          const held = this.#report;
          if (!held || event.version <= held.version) return; // stale or already seen
          const statusChanged = held.status !== event.report.status;
          this.#report = { ...held, ...event.report, result: event.report.result ?? held.result };
          if (statusChanged) this.#renderAll();
          else this.#renderProgress();
        },
        error: (error) => {
          if (error.code === 'NOT_FOUND') this.#showMissing();
          else toast(`Live updates stopped: ${error.message}`, 'error');
        },
        complete: () => {
          this.#unsubscribe = null;
          this.#stopReconnect?.();
          this.#stopReconnect = null;
        },
      });
    };
    subscribe();
    this.#stopReconnect = this.#api.onReconnect(() => {
      if (this.#report && isLive(this.#report.status)) subscribe();
    });
  }

  #showMissing(): void {
    replace(
      this.element,
      backLink(),
      card('Report not found', 'missing', h('p', {}, 'This report does not exist on the server: it expired, the server restarted, or it belongs to another API key.')),
    );
  }

  #showError(error: ApiError): void {
    replace(this.element, backLink(), card('Could not load the report', 'missing', h('p', {}, error.message)));
  }

  #renderAll(): void {
    const report = this.#report;
    if (!report) return;
    this.#header = this.#renderHeader(report);
    this.#body = h('div', { class: 'report-body' }, ...this.#renderBody(report));
    replace(this.element, backLink(), this.#header, this.#body);
    this.element.dataset['status'] = report.status;
  }

  #renderProgress(): void {
    const report = this.#report;
    const bar = this.element.querySelector('.live-card .progress');
    if (!report || !bar) return this.#renderAll();
    updateProgressBar(bar, report.progress?.percent ?? 0, report.progress?.stage ?? 'starting');
  }

  #renderHeader(report: FullReport): HTMLElement {
    const { location, building } = report.input;
    const name = building.name || location.address || formatCoordinates(location.latitude, location.longitude);
    const created = new Date(report.createdAt);
    const times = [`Requested ${created.toLocaleString()}`];
    if (report.finishedAt) {
      const finished = Date.parse(report.finishedAt);
      times.push(`${statusLabel(report.status)} after ${formatDuration(finished - created.getTime())}`);
    }
    const actions = h('div', { class: 'header-actions' });
    if (report.status === 'COMPLETED') {
      actions.append(
        this.#documentLink('md', 'Markdown', true),
        this.#documentLink('html', 'Printable report', false),
      );
    }
    if (isLive(report.status)) {
      const cancel = h('button', { class: 'button danger', type: 'button', 'data-action': 'cancel' }, 'Cancel report');
      cancel.addEventListener('click', () => void this.#cancel(cancel));
      actions.append(cancel);
    }
    return h(
      'header',
      { class: 'card report-header' },
      h(
        'div',
        {},
        h('div', { class: 'badges' }, statusBadge(report.status), h('span', { class: 'badge plain', title: 'Language of the report' }, report.input.language)),
        h('h1', {}, name),
        h('p', { class: 'sub' }, `${location.address ? `${location.address} · ` : ''}${formatCoordinates(location.latitude, location.longitude)}`),
        h('p', { class: 'sub' }, times.join(' · ')),
      ),
      actions,
    );
  }

  /** A link to a document; with an API key the file is fetched with it (a plain link cannot send headers). */
  #documentLink(format: 'md' | 'html', label: string, download: boolean): HTMLAnchorElement {
    const href = `/reports/${encodeURIComponent(this.#id)}.${format}`;
    const link = h(
      'a',
      { class: 'button secondary', href, 'data-document': format, ...(download ? { download: `climate-risk-${this.#id}.md` } : { target: '_blank', rel: 'noopener' }) },
      icon('download'),
      ` ${label}`,
    );
    if (this.#api.apiKey) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void this.#openWithKey(href, format, download);
      });
    }
    return link;
  }

  async #openWithKey(href: string, format: 'md' | 'html', download: boolean): Promise<void> {
    try {
      const response = await fetch(href, { headers: this.#api.authHeaders() });
      if (!response.ok) throw new Error(await response.text());
      const url = URL.createObjectURL(new Blob([await response.blob()], { type: format === 'md' ? 'text/markdown' : 'text/html' }));
      if (download) {
        const a = h('a', { href: url, download: `climate-risk-${this.#id}.md` });
        a.click();
      } else window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      toast(`Could not open the document: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  async #cancel(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const { cancelReport } = await this.#api.request(CancelReportDocument, { id: this.#id });
      const held = this.#report;
      if (held && cancelReport.version > held.version) {
        this.#report = { ...held, ...cancelReport };
        this.#renderAll();
      }
    } catch (error) {
      const apiError = toApiError(error);
      toast(apiError.code === 'INVALID_STATE' ? 'The report finished before it could be cancelled.' : `Cancel failed: ${apiError.message}`, 'error');
      button.disabled = false;
    }
  }

  #renderBody(report: FullReport): Node[] {
    if (isLive(report.status)) {
      const waiting =
        report.status === 'QUEUED'
          ? h('p', {}, `Waiting for a worker${report.queuePosition ? `: number ${report.queuePosition} in the queue` : ''}.`)
          : progressBar(report.progress?.percent ?? 0, report.progress?.stage ?? 'starting');
      return [
        card(
          report.status === 'QUEUED' ? 'Queued' : 'Analysing',
          'live-card',
          waiting,
          h('p', { class: 'muted' }, `Deadline ${new Date(report.deadline).toLocaleTimeString()}. This page updates by itself.`),
        ),
      ];
    }
    if (report.status !== 'COMPLETED' || !report.result) {
      return [
        card(
          statusLabel(report.status),
          'error-card',
          h('p', {}, report.error ? h('code', {}, report.error.code) : null, report.error ? ` ${report.error.message}` : 'No result.'),
        ),
      ];
    }
    return renderResult(report, report.result);
  }
}

function backLink(): HTMLAnchorElement {
  return h('a', { class: 'back', href: '#/' }, '← All reports');
}
