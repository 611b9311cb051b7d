/**
 * The dashboard in Chromium, offline, against a real server with the real analyzer: request a report
 * and watch its row go QUEUED → RUNNING → COMPLETED without a reload, open it, cancel a long one, see
 * a field error from the API, and catch up after the server restarts.
 */
import { rm } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReportService } from '../../src/reports/index.js';
import type { ReportService } from '../../src/reports/index.js';
import { buildApp } from '../../src/server.js';
import type { App } from '../../src/server.js';
import { silentLogger } from '../helpers/services.js';
import { buildDashboard, collectErrors, guardOffline, launchBrowser, screenshot } from './browser.js';

declare global {
  interface Window {
    /** Set by the test: every status each row showed, in order. */
    statusHistory?: () => Record<string, string[]>;
    /** Set by the test: survives as long as the page is not reloaded. */
    loadMarker?: string;
  }
}

const WAIT = { timeout: 15_000 };

describe('the dashboard', () => {
  let dashboardDir: string;
  let service: ReportService;
  let app: App;
  let port: number;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let guard: { external: string[] };
  let errors: string[];

  const startApp = async (listenOn: number): Promise<void> => {
    app = buildApp({ service, logger: silentLogger, config: { port: listenOn, host: '127.0.0.1', apiKeys: [] }, dashboardDir });
    const { url } = await app.start(listenOn, '127.0.0.1');
    port = Number(new URL(url).port);
    base = `http://127.0.0.1:${port}`;
  };

  /** Waits until the server holds `count` subscriptions, so no event of the next step can be missed. */
  const untilListening = async (count: number): Promise<void> => {
    await expect.poll(() => service.listenerCount(), WAIT).toBeGreaterThanOrEqual(count);
  };

  beforeAll(async () => {
    [dashboardDir, browser] = await Promise.all([buildDashboard(), launchBrowser()]);
    // The real analyzer in one worker thread: a small simulation takes well under a second.
    service = createReportService({ logger: silentLogger, workers: 1 });
    await startApp(0);
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    guard = await guardOffline(context);
    page = await context.newPage();
    errors = collectErrors(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close({ graceMs: 0 });
    await app?.stop();
    if (dashboardDir) await rm(dashboardDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(guard.external, 'requests beyond localhost').toEqual([]);
  });

  it('loads with no network beyond localhost, connects live and offers the regional places', async () => {
    await page.goto(`${base}/`);
    await page.locator('.connection[data-state="live"]').waitFor(WAIT);
    await page.evaluate(() => (window.loadMarker = 'first load'));
    await expect.poll(() => page.locator('#f-place option[value]:not([value=""])').count(), WAIT).toBeGreaterThan(90);
    await page.selectOption('#f-place', 'KR-SEOUL');
    expect(await page.inputValue('#f-location-latitude')).toBe('37.5665');
    expect(await page.inputValue('#f-location-address')).toBe('Seoul, South Korea');
    // Back to the example site for the next steps.
    await page.fill('#f-location-latitude', '35.1566');
    await page.fill('#f-location-longitude', '129.145');
    await page.fill('#f-location-address', 'Haeundae, Busan');
    await screenshot(page, 'dashboard-start');
    expect(errors).toEqual([]);
  });

  it('shows a submitted report go QUEUED → RUNNING → COMPLETED in its row, without a reload', async () => {
    await untilListening(1); // the table's feed
    await page.evaluate(() => {
      const seen = new Map<string, string[]>();
      new MutationObserver((records) => {
        for (const record of records) {
          const row = record.target as HTMLElement;
          if (record.attributeName !== 'data-status' || !row.matches('tr[data-id]')) continue;
          const id = row.dataset['id'] ?? '';
          seen.set(id, [...(seen.get(id) ?? []), record.oldValue ?? '']);
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-status'], attributeOldValue: true });
      window.statusHistory = () => {
        const history: Record<string, string[]> = {};
        for (const row of document.querySelectorAll<HTMLElement>('tr[data-id]')) {
          const id = row.dataset['id'] ?? '';
          history[id] = [...(seen.get(id) ?? []), row.dataset['status'] ?? ''].filter((s, i, all) => s !== '' && s !== all[i - 1]);
        }
        return history;
      };
    });
    await page.fill('#f-building-name', 'Haeundae seafront tower');
    await page.click('button[type="submit"]');
    const row = page.locator('tr[data-id]').first();
    await row.and(page.locator('[data-status="COMPLETED"]')).waitFor(WAIT);
    const id = (await row.getAttribute('data-id')) ?? '';
    const history = await page.evaluate(() => window.statusHistory?.() ?? {});
    expect(history[id]).toEqual(['QUEUED', 'RUNNING', 'COMPLETED']);
    expect(await row.locator('.badge').innerText()).toBe('Completed');
    expect(await row.locator('td.col-4').innerText()).toMatch(/\d+(\.\d)? (ms|s)$/);
    expect(await page.evaluate(() => window.loadMarker)).toBe('first load');
    await screenshot(page, 'dashboard-completed');
  });

  it('opens the report: grades, losses, the hazard chart, the map, recommendations and the narrative', async () => {
    await page.locator('tr[data-status="COMPLETED"] a.asset-name').first().click();
    await page.locator('.chart-box svg').waitFor(WAIT);
    expect(new URL(page.url()).hash).toMatch(/^#\/reports\/[0-9a-f-]+$/);
    // 8 hazards × (baseline + 3 scenarios × 3 horizons).
    expect(await page.locator('.chart-box svg .chart-cell').count()).toBe(80);
    expect(await page.locator('.chart-box svg title').first().textContent()).toBe('Hazard scores by scenario and horizon');
    const grades = await page.locator('.kpi .grade').allInnerTexts();
    expect(grades).toHaveLength(2);
    for (const grade of grades) expect(grade).toMatch(/^[A-E]$/);
    expect(await page.locator('.kpi .eal').first().innerText()).toMatch(/^₩[\d.]+[KMBT]? \(\d+\.\d\d%\)$/);
    expect(await page.locator('.kpi .loss100').first().innerText()).toMatch(/^₩[\d.]+[KMBT]? \(\d+\.\d\d%\)$/);
    expect(await page.locator('.map-box .map-marker').count()).toBe(1);
    expect(await page.locator('.narrative-card [data-source]').getAttribute('data-source')).toBe('TEMPLATE');
    expect(await page.locator('.narrative-card [data-language]').innerText()).toBe('EN');
    expect(await page.locator('.narrative-summary').innerText()).toMatch(/grade [A-E]/);
    expect(await page.locator('ol.recs li').count()).toBeGreaterThan(0);
    expect(await page.locator('a[data-document="html"]').getAttribute('href')).toMatch(/^\/reports\/[0-9a-f-]+\.html$/);
    await screenshot(page, 'report-page');
    expect(errors).toEqual([]);
  });

  it('shows the queue position of a waiting report, cancels it from its row, and a running one from its live page', async () => {
    await page.click('a.back');
    await page.locator('form.report-form').waitFor(WAIT);
    await page.click('details.advanced summary');
    await page.fill('#f-params-simulationYears', '10000000'); // seconds of work on the only worker
    await page.fill('#f-building-name', 'Long simulation');
    await page.click('button[type="submit"]');
    const running = page.locator('tr[data-id]', { hasText: 'Long simulation' });
    await running.and(page.locator('[data-status="RUNNING"]')).waitFor(WAIT);
    await running.locator('.progress').waitFor(WAIT);

    await page.fill('#f-building-name', 'Waiting in line');
    await page.click('button[type="submit"]');
    const queued = page.locator('tr[data-id]', { hasText: 'Waiting in line' });
    await queued.and(page.locator('[data-status="QUEUED"]')).waitFor(WAIT);
    await queued.locator('.queue-pos', { hasText: '#1 in the queue' }).waitFor(WAIT);
    await screenshot(page, 'dashboard-running');

    await queued.locator('button[data-action="cancel"]').click();
    await queued.and(page.locator('[data-status="CANCELLED"]')).waitFor(WAIT);
    expect(await queued.locator('.badge').innerText()).toBe('Cancelled');
    expect(await queued.locator('button[data-action="cancel"]').count()).toBe(0);

    // The running one's page follows it live, and can cancel it too.
    await running.locator('a.asset-name').click();
    const livePage = page.locator('.report-page[data-status="RUNNING"]');
    await livePage.locator('.live-card .progress').waitFor(WAIT);
    await screenshot(page, 'report-page-running', { fullPage: false });
    await livePage.locator('button[data-action="cancel"]').click();
    await page.locator('.report-page[data-status="CANCELLED"] .report-header .badge[data-status="CANCELLED"]').waitFor(WAIT);
    expect(await page.locator('.error-card code').innerText()).toBe('CANCELLED');

    await page.click('a.back');
    await running.and(page.locator('[data-status="CANCELLED"]')).waitFor(WAIT);
    await page.fill('#f-params-simulationYears', '10000');
    await page.fill('#f-building-name', 'Haeundae seafront tower');
  });

  it('shows an error from the API next to its field', async () => {
    await page.fill('#f-location-latitude', '95');
    await page.click('button[type="submit"]');
    const message = page.locator('[data-error-for="location.latitude"]');
    await message.waitFor({ state: 'visible', ...WAIT });
    expect(await message.innerText()).toBe('latitude must be between -90 and 90 degrees');
    expect(await page.getAttribute('#f-location-latitude', 'aria-invalid')).toBe('true');
    await screenshot(page, 'field-error', { fullPage: false });
    await page.fill('#f-location-latitude', '35.1566');
    await message.waitFor({ state: 'hidden', ...WAIT }); // an edited field's error goes away
  });

  it('reconnects by itself after the server restarts, and catches up on what happened meanwhile', async () => {
    const rowsBefore = await page.locator('tr[data-id]').count();
    await app.stop();
    await page.locator('.connection[data-state="reconnecting"]').waitFor(WAIT);
    // While the dashboard is cut off, a report is requested elsewhere and runs to completion.
    const report = await service.create('public', {
      input: { location: { latitude: 37.5665, longitude: 126.978 }, building: { name: 'Made while offline' }, asset: { value: 1e9 }, params: { simulationYears: 1_000, includeNarrative: false }, language: 'EN' },
    });
    await startApp(port);
    await page.locator('.connection[data-state="live"]').waitFor(WAIT);
    await page.locator(`tr[data-id="${report.id}"][data-status="COMPLETED"]`).waitFor(WAIT);
    expect(await page.locator('tr[data-id]').count()).toBe(rowsBefore + 1);
    expect(await page.evaluate(() => window.loadMarker)).toBe('first load');
    // The live feed works again: a new report's row follows it to the end.
    await page.fill('#f-building-name', 'After the restart');
    await page.click('button[type="submit"]');
    await page.locator('tr[data-id][data-status="COMPLETED"]', { hasText: 'After the restart' }).waitFor(WAIT);
    await screenshot(page, 'dashboard-after-restart');
    // The restart's refused connections are the only errors the console may show.
    expect(errors.filter((e) => !/WebSocket connection|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  });

  it('reconnects after the network drops, and catches up', async () => {
    await context.setOffline(true);
    await page.locator('.connection[data-state="reconnecting"]').waitFor(WAIT);
    const report = await service.create('public', {
      input: { location: { latitude: 35.1, longitude: 129 }, building: { name: 'Made while the network was down' }, asset: { value: 1e9 }, params: { simulationYears: 1_000, includeNarrative: false }, language: 'EN' },
    });
    await context.setOffline(false);
    await page.locator('.connection[data-state="live"]').waitFor(WAIT);
    await page.locator(`tr[data-id="${report.id}"][data-status="COMPLETED"]`).waitFor(WAIT);
    expect(await page.evaluate(() => window.loadMarker)).toBe('first load');
  });

  it('asks for an API key when the server wants one, and then works with it, documents included', async () => {
    const key = 'dashboard-key-123456';
    const keyed = buildApp({ service, logger: silentLogger, config: { port: 0, host: '127.0.0.1', apiKeys: [{ tenant: 'acme', key }] }, dashboardDir });
    const { url } = await keyed.start(0, '127.0.0.1');
    const other = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', acceptDownloads: true });
    const offline = await guardOffline(other);
    try {
      const keyPage = await other.newPage();
      await keyPage.goto(url.replace(/\/graphql$/, '/'));
      await keyPage.locator('.table-footer .notice.error', { hasText: 'needs an API key' }).waitFor(WAIT);
      await keyPage.getByRole('button', { name: 'API key' }).click();
      await keyPage.fill('#api-key', key);
      await Promise.all([keyPage.waitForEvent('load'), keyPage.getByRole('button', { name: 'Save' }).click()]);
      await keyPage.locator('.connection[data-state="live"]').waitFor(WAIT);
      expect(await keyPage.locator('tr[data-id]').count()).toBe(0); // the public tenant's reports are not acme's
      await keyPage.click('button[type="submit"]');
      await keyPage.locator('tr[data-status="COMPLETED"] a.asset-name').click();
      // A link cannot carry the key: the document is fetched with it and handed over as a file.
      const [download] = await Promise.all([keyPage.waitForEvent('download'), keyPage.click('a[data-document="md"]')]);
      expect(download.suggestedFilename()).toMatch(/^climate-risk-[0-9a-f-]+\.md$/);
      expect(offline.external).toEqual([]);
    } finally {
      await other.close();
      await keyed.stop();
    }
  });
});
