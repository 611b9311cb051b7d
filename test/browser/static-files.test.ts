/** What the server sends a browser besides GraphQL: the built dashboard, its assets, the places. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../src/dashboard/serve.js';
import { buildApp } from '../../src/server.js';
import type { App } from '../../src/server.js';
import { manualService, silentLogger } from '../helpers/services.js';

async function serve(dashboardDir: string): Promise<{ app: App; base: string; close: () => Promise<void> }> {
  const { service } = manualService();
  const app = buildApp({ service, logger: silentLogger, config: { port: 0, host: '127.0.0.1', apiKeys: [] }, dashboardDir });
  const { url } = await app.start(0, '127.0.0.1');
  return {
    app,
    base: url.replace(/\/graphql$/, ''),
    close: async () => {
      await service.close({ graceMs: 0 });
      await app.stop();
    },
  };
}

/** A GET with the path sent exactly as written (fetch would normalise `..` away before sending). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built dashboard', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dashboard-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>dashboard</title>');
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(join(dir, 'assets', 'index-abc123.css'), 'body{}');
    await writeFile(join(dir, '..', `secret-${dir.split('-').pop()}.txt`), 'outside');
    server = await serve(dir);
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(join(dir, '..', `secret-${dir.split('-').pop()}.txt`), { force: true });
  });

  it('serves index.html at / (revalidated every time) and hashed assets for good, with their content types', async () => {
    const index = await fetch(`${server.base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>dashboard</title>');
    const script = await fetch(`${server.base}/assets/index-abc123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.base}/assets/index-abc123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('never serves a file outside the build folder, however the path is spelt', async () => {
    const secret = `secret-${dir.split('-').pop()}.txt`;
    for (const path of [`/../${secret}`, `/%2e%2e/${secret}`, `/assets/..%2f..%2f${secret}`, `/%2e%2e%5c${secret}`, '/assets/%00.js', `/assets/../../${secret}`]) {
      const response = await rawGet(server.base, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('outside');
    }
    expect(resolveInside(dir, `/../${secret}`)).toBeNull();
    expect(resolveInside(dir, '/%E0%A4%A')).toBeNull(); // malformed encoding
    expect(resolveInside(dir, '/assets/index-abc123.js')).toBe(join(dir, 'assets', 'index-abc123.js'));
  });

  it('leaves other paths to GraphQL’s 404', async () => {
    expect((await fetch(`${server.base}/nothing-here.js`)).status).toBe(404);
  });

  it('serves the places of the regional table for the place picker', async () => {
    const response = await fetch(`${server.base}/places.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const places = (await response.json()) as { id: string; name: string; nameKo: string; country: string; latitude: number; longitude: number }[];
    expect(places.length).toBeGreaterThan(90);
    expect(places).toContainEqual({ id: 'KR-BUSAN', name: 'Busan', nameKo: '부산', country: 'KR', latitude: expect.any(Number), longitude: expect.any(Number) });
  });
});

describe('without a build', () => {
  it('answers / with a page that says to run `npm run build`', async () => {
    const server = await serve(join(tmpdir(), 'no-such-dashboard-build'));
    try {
      const response = await fetch(`${server.base}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('<code>npm run build</code>');
    } finally {
      await server.close();
    }
  });
});
