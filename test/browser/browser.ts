/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, a guard that refuses and
 * records every request beyond this machine (the pages must work offline), the dashboard built by the
 * project's own Vite config into a folder of the test's own, screenshots under test-output/browser/.
 */
import { access, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT_DIR = join(ROOT, 'test-output', 'browser');

/** Debian's package; elsewhere point CHROMIUM_PATH at a Chromium or Chrome binary. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  try {
    await access(CHROMIUM);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Blocks and records every request to another host; in-page schemes (data:, blob:) never leave the browser. */
export async function guardOffline(context: BrowserContext): Promise<{ external: string[] }> {
  const external: string[] = [];
  const isExternal = (url: string): boolean => {
    const { protocol, hostname } = new URL(url);
    return /^(https?|wss?):$/.test(protocol) && !LOCAL_HOSTS.has(hostname);
  };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isExternal(url)) {
      external.push(url);
      await route.abort('blockedbyclient');
    } else await route.continue();
  });
  // WebSockets are not routed: record them as they open.
  context.on('page', (page) => watchSockets(page, isExternal, external));
  for (const page of context.pages()) watchSockets(page, isExternal, external);
  return { external };
}

function watchSockets(page: Page, isExternal: (url: string) => boolean, external: string[]): void {
  page.on('websocket', (socket) => {
    if (isExternal(socket.url())) external.push(socket.url());
  });
}

/** Builds the dashboard with vite.config.ts into a fresh temporary folder and returns the folder. */
export async function buildDashboard(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'dashboard-build-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}

/** Collects the page's errors (uncaught exceptions, console errors) for a test to assert there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
