/**
 * The dashboard's entry: the header (connection state, API key), the home view (form and live table)
 * and the report page, switched by the URL's hash (`#/`, `#/reports/{id}`) so the server serves one
 * file and a report page can be bookmarked.
 */
import { Api, storeApiKey } from './api.js';
import type { ConnectionState } from './api.js';
import { h, icon, replace } from './dom.js';
import { ReportForm } from './form.js';
import type { Place } from './place-picker.js';
import { ReportPage } from './report-page.js';
import { ReportRows } from './store.js';
import { ReportSync } from './sync.js';
import { ReportsTable } from './table.js';
import { toast } from './toast.js';

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

function connectionPill(api: Api): HTMLElement {
  const pill = h('span', { class: 'connection', role: 'status', 'aria-live': 'polite' });
  api.onState((state) => {
    pill.dataset['state'] = state;
    replace(pill, icon(state === 'live' ? 'live' : 'offline'), STATE_TEXT[state]);
    pill.title = state === 'live' ? 'Updates arrive as they happen' : 'Updates are paused; the dashboard catches up once the server answers again';
  });
  return pill;
}

function apiKeyDialog(api: Api): { button: HTMLButtonElement; dialog: HTMLDialogElement } {
  const input = h('input', { type: 'password', id: 'api-key', autocomplete: 'off', placeholder: 'Bearer key from API_KEYS', value: api.apiKey ?? '' });
  const dialog = h(
    'dialog',
    { class: 'key-dialog' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', {}, 'API key'),
      h('p', { class: 'muted' }, 'Needed only when the server runs with API_KEYS. Stored in this browser; sent as Authorization: Bearer.'),
      h('label', { for: 'api-key' }, 'Key'),
      input,
      h(
        'div',
        { class: 'form-actions' },
        h('button', { class: 'button secondary', value: 'forget', type: 'submit' }, 'Forget'),
        h('button', { class: 'button primary', value: 'save', type: 'submit' }, 'Save'),
      ),
    ),
  );
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'save') storeApiKey(input.value.trim() || null);
    else if (dialog.returnValue === 'forget') storeApiKey(null);
    else return;
    window.location.reload(); // every connection starts again with the new key
  });
  const button = h('button', { class: 'button ghost', type: 'button' }, icon('key'), api.apiKey ? ' API key ✓' : ' API key');
  button.addEventListener('click', () => dialog.showModal());
  return { button, dialog };
}

async function loadPlaces(): Promise<Place[]> {
  const response = await fetch('/places.json');
  if (!response.ok) throw new Error(`places: ${response.status}`);
  return (await response.json()) as Place[];
}

function counts(rows: ReportRows): string {
  const all = rows.all();
  const running = all.filter((r) => r.status === 'RUNNING').length;
  const queued = all.filter((r) => r.status === 'QUEUED').length;
  return `${all.length} shown · ${running} running · ${queued} queued`;
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('the page has no #app element');
  const api = new Api();
  const rows = new ReportRows();
  const sync = new ReportSync(api, rows);
  const table = new ReportsTable(api, rows, sync);
  const form = new ReportForm(api, loadPlaces(), (row) => {
    table.highlight(row.id);
    rows.merge([row]);
    toast('Report requested: its row updates live.');
  });
  sync.start();

  const { button: keyButton, dialog } = apiKeyDialog(api);
  const header = h(
    'header',
    { class: 'topbar' },
    h(
      'a',
      { class: 'brand', href: '#/' },
      h('span', { class: 'logo', 'aria-hidden': 'true' }),
      h('span', {}, 'Climate Risk Reports'),
    ),
    h('div', { class: 'topbar-actions' }, connectionPill(api), keyButton, h('a', { class: 'button ghost', href: '/graphql', target: '_blank', rel: 'noopener' }, 'GraphiQL')),
  );

  const summary = h('span', { class: 'muted table-counts' }, counts(rows));
  rows.subscribe(() => (summary.textContent = counts(rows)));
  const home = h(
    'div',
    { class: 'home' },
    h('section', { class: 'card form-card' }, h('h2', {}, 'Request a report'), form.element),
    h('section', { class: 'card table-card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Reports'), summary), table.element),
  );
  const view = h('main', { class: 'view' });
  replace(root, header, view, dialog);

  let page: ReportPage | null = null;
  const route = (): void => {
    page?.dispose();
    page = null;
    const match = /^#\/reports\/([^/]+)$/.exec(window.location.hash);
    if (match?.[1]) {
      page = new ReportPage(api, decodeURIComponent(match[1]));
      replace(view, page.element);
      document.title = 'Report · Climate Risk Reports';
    } else {
      replace(view, home);
      document.title = 'Climate Risk Reports';
    }
    window.scrollTo(0, 0);
  };
  window.addEventListener('hashchange', route);
  route();
}

start();
