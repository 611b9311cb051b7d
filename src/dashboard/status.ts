/**
 * How a report's status looks: an icon, a word and a colour (Okabe–Ito), so the status reads without
 * colour too. Finished statuses are final; QUEUED and RUNNING are live.
 */
import type { ReportStatus } from '../clients/generated/graphql.js';
import { h, icon } from './dom.js';
import type { IconName } from './dom.js';

const LOOK: Record<ReportStatus, { label: string; icon: IconName }> = {
  QUEUED: { label: 'Queued', icon: 'queued' },
  RUNNING: { label: 'Running', icon: 'running' },
  COMPLETED: { label: 'Completed', icon: 'completed' },
  FAILED: { label: 'Failed', icon: 'failed' },
  TIMED_OUT: { label: 'Timed out', icon: 'timedOut' },
  CANCELLED: { label: 'Cancelled', icon: 'cancelled' },
};

export function isLive(status: ReportStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

export function statusLabel(status: ReportStatus): string {
  return LOOK[status].label;
}

export function statusBadge(status: ReportStatus): HTMLSpanElement {
  const look = LOOK[status];
  return h('span', { class: `badge status-${status}`, 'data-status': status }, icon(look.icon, status === 'RUNNING' ? 'spin' : ''), look.label);
}

/** A progress bar with its stage and percentage in words. */
export function progressBar(percent: number, stage: string): HTMLDivElement {
  const value = Math.max(0, Math.min(100, percent));
  const bar = h(
    'div',
    { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(value), 'aria-label': stage },
    h('div', { class: 'progress-track' }, h('div', { class: 'progress-fill', style: `width:${value.toFixed(1)}%` })),
    h('span', { class: 'progress-text' }, `${stage} · ${Math.floor(value)}%`),
  );
  return bar;
}

/** Updates a bar made by {@link progressBar} in place (no new elements: nothing flickers). */
export function updateProgressBar(bar: Element, percent: number, stage: string): void {
  const value = Math.max(0, Math.min(100, percent));
  bar.setAttribute('aria-valuenow', String(Math.round(value)));
  bar.setAttribute('aria-label', stage);
  const fill = bar.querySelector<HTMLElement>('.progress-fill');
  if (fill) fill.style.width = `${value.toFixed(1)}%`;
  const text = bar.querySelector('.progress-text');
  if (text) text.textContent = `${stage} · ${Math.floor(value)}%`;
}
