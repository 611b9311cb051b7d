/** What a browser or a probe gets from the server besides GraphQL over POST. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';

describe('HTTP endpoints', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(manualService().service);
  });
  afterAll(() => server.dispose());

  it('serves GraphiQL at /graphql, self-contained: no script, style or font from another host', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    // Every resource the page loads: src/href attributes, CSS url(...) and @import, module imports.
    const references = [
      ...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi),
      ...html.matchAll(/url\(\s*["']?([^"')\s]+)/gi),
      ...html.matchAll(/@import\s+["']([^"']+)["']/gi),
      ...html.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/gi),
    ].map((match) => match[1] ?? '');
    const external = references.filter((ref) => /^(?:https?:)?\/\//i.test(ref));
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs|esm\.sh/);
  });

  it('configures GraphiQL for graphql-ws, the header editor and a ready-made createReport', async () => {
    const html = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
    const options = /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*?\}),\s*\);/s.exec(html)?.[1];
    expect(options).toBeDefined();
    const parsed = JSON.parse(options ?? '{}') as Record<string, unknown>;
    expect(parsed).toMatchObject({ subscriptionsProtocol: 'WS', isHeadersEditorEnabled: true });
    expect(parsed['defaultQuery']).toMatch(/mutation CreateReport[\s\S]*createReport\(/);
  });

  it('answers /healthz with plain JSON', async () => {
    const response = await fetch(server.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok', queueDepth: 0, running: 0, workers: 1, uptimeSeconds: expect.any(Number) });
  });
});
