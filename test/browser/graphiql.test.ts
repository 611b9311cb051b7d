/**
 * GraphiQL at /graphql in Chromium, offline, against a server that requires an API key: it loads with
 * its example operations, takes the key in its header editor, and runs a subscription over graphql-ws
 * until the server completes it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateReportDocument } from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { threadedService } from '../helpers/services.js';
import { collectErrors, guardOffline, launchBrowser, screenshot } from './browser.js';

const KEY = 'graphiql-key-123456';
const WAIT = { timeout: 15_000 };

/** Replaces the whole text of a Monaco editor, as a person would: select all, then type. */
async function replaceEditorText(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(editor).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('GraphiQL', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(threadedService(), { apiKeys: [{ tenant: 'acme', key: KEY }] }), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('loads with no network beyond localhost and runs a subscription to completion, with the API key from its header editor', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const guard = await guardOffline(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const frames: string[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload))));

    await page.goto(server.url);
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor(WAIT);
    // Monaco draws spaces as no-break spaces.
    const example = (await page.locator('.graphiql-query-editor .view-lines').innerText()).replace(/\s+/g, ' ');
    expect(example).toContain('mutation CreateReport { createReport(');
    expect(example).toContain('subscription ReportEvents { reportEvents(');
    await screenshot(page, 'graphiql-loaded', { fullPage: false });

    // A report that runs for a while, so the subscription most likely sees it change before it ends.
    const input = reportInput('spin:2500');
    const { createReport } = dataOf(await execute(server.http, CreateReportDocument, { input }, { authorization: `Bearer ${KEY}` }));

    await page.getByRole('button', { name: 'Headers' }).click();
    await replaceEditorText(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor', `{"Authorization": "Bearer ${KEY}"}`);
    await replaceEditorText(
      page,
      '.graphiql-query-editor .monaco-editor',
      `subscription FollowReport { reportEvents(id: "${createReport.id}") { type version report { status progress { stage percent } } } }`,
    );
    // GraphiQL takes the edited text in after a short debounce; the tab's title shows when it has.
    await page.locator('.graphiql-tab-active', { hasText: 'FollowReport' }).waitFor(WAIT);
    await page.locator('.graphiql-execute-button').click();

    await page.locator('.graphiql-response', { hasText: '"status": "COMPLETED"' }).waitFor(WAIT);
    await expect.poll(() => frames.some((frame) => frame.includes('"type":"complete"')), WAIT).toBe(true);
    const events = frames.flatMap((frame) => {
      const message = JSON.parse(frame) as { type: string; payload?: { data?: { reportEvents?: { type: string } } } };
      return message.type === 'next' && message.payload?.data?.reportEvents ? [message.payload.data.reportEvents.type] : [];
    });
    // The current state first; then, unless the report finished before GraphiQL subscribed, each change to the end.
    expect(events[0]).toBe('SNAPSHOT');
    if (events.length > 1) expect(events.at(-1)).toBe('COMPLETED');
    await screenshot(page, 'graphiql-subscription', { fullPage: false });

    expect(guard.external).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
