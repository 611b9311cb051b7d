/**
 * The printable report (GET /reports/{id}.html) in Chromium: it renders offline under its
 * Content-Security-Policy with every section, the chart and the map, and prints to a multi-page A4 PDF.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateReportDocument } from '../../src/clients/generated/graphql.js';
import { WORDS } from '../../src/documents/labels.js';
import { createReportService } from '../../src/reports/index.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { silentLogger } from '../helpers/services.js';
import { collectErrors, guardOffline, launchBrowser, OUTPUT_DIR, screenshot } from './browser.js';

const WAIT = { timeout: 15_000 };

describe('the printable report', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let guard: { external: string[] };
  let base: string;

  async function completedReport(language: 'EN' | 'KO'): Promise<string> {
    const input = {
      location: { latitude: 35.1566, longitude: 129.145, address: 'Haeundae, Busan' },
      building: { name: 'Haeundae seafront tower', occupancy: 'RESIDENTIAL' as const, floorsAboveGround: 30, basementFloors: 3 },
      asset: { value: 50_000_000_000 },
      params: { simulationYears: 2_000 },
      language,
    };
    const { id } = dataOf(await execute(server.http, CreateReportDocument, { input })).createReport;
    await expect.poll(async () => (await server.service.get('public', id))?.status, WAIT).toBe('COMPLETED');
    return id;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(createReportService({ logger: silentLogger, workers: 1 })), launchBrowser()]);
    base = server.url.replace(/\/graphql$/, '');
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    guard = await guardOffline(context);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  async function open(id: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${base}/reports/${id}.html`);
    expect(response?.status()).toBe(200);
    return { page, errors };
  }

  it('renders every section, the chart and the map, offline, with no policy violation', async () => {
    const { page, errors } = await open(await completedReport('EN'));
    const w = WORDS.EN;
    expect(await page.title()).toBe(`${w.title}: Haeundae seafront tower`);
    expect(await page.locator('h1').innerText()).toBe('Haeundae seafront tower');
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      w.summary, w.asset, w.scenarioTable, w.chart, w.recommendations, w.narrative, w.hazardDetails, w.methodology, w.dataQuality,
    ]);
    expect(await page.locator('.kpi .grade').count()).toBe(2);
    expect(await page.locator('svg.hazard-chart .chart-cell').count()).toBe(80);
    expect(await page.locator('svg.world-map .map-marker').count()).toBe(1);
    expect(await page.locator('table.hazards').count()).toBe(10);
    expect(await page.locator('.source').getAttribute('data-source')).toBe('TEMPLATE');
    // The inline styles apply (the policy allows them): the heading is styled, not the browser default.
    expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontSize)).toBe('26px');
    await screenshot(page, 'report-document');
    expect(errors).toEqual([]);
    expect(guard.external).toEqual([]);

    // Printing: the screen-only parts go, and the page becomes a multi-page A4 PDF.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button.print').isVisible()).toBe(false);
    await screenshot(page, 'report-document-print');
    await mkdir(OUTPUT_DIR, { recursive: true });
    const pdfPath = join(OUTPUT_DIR, 'report-document.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    const pdf = await readFile(pdfPath, 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
    await page.close();
  });

  it('is written in the report’s language', async () => {
    const { page, errors } = await open(await completedReport('KO'));
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await page.locator('h2').first().innerText()).toBe(WORDS.KO.summary);
    expect(await page.locator('.kpi h3').first().innerText()).toMatch(/^현재: 기준기간/);
    expect(errors).toEqual([]);
    expect(guard.external).toEqual([]);
    await page.close();
  });
});
