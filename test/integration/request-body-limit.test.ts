/**
 * The request-body limit on a real server: a declared length is judged from the header alone, a
 * chunked body is counted as it streams, and anything within the limit is served as before.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../../src/graphql/request-body-limit.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';

interface Answer {
  status: number;
  body: string;
}

/** A POST with the body written in `chunks` (no Content-Length: Node sends it chunked) or declared. */
function post(url: string, chunks: readonly string[], options: { declareLength?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.declareLength) headers['content-length'] = String(chunks.reduce((n, chunk) => n + Buffer.byteLength(chunk), 0));
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer 413 and close while the rest of the body is still being written: an error
    // after the answer is expected then.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/** A valid GraphQL request padded with whitespace to about `bytes`. */
function healthRequest(bytes: number): string {
  const json = JSON.stringify({ query: '{ health { status } }' });
  return json.slice(0, -1) + ' '.repeat(Math.max(0, bytes - json.length)) + '}';
}

describe('request body limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(manualService().service);
  });
  afterAll(() => server.dispose());

  it('serves a request with a declared length up to the limit', async () => {
    const answer = await post(server.url, [healthRequest(MAX_REQUEST_BODY_BYTES)], { declareLength: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { health: { status: 'OK' } } });
  });

  it('refuses a declared length over the limit with 413 before reading the body', async () => {
    const answer = await post(server.url, [healthRequest(MAX_REQUEST_BODY_BYTES + 1)], { declareLength: true });
    expect(answer.status).toBe(413);
    const result = JSON.parse(answer.body) as { errors: { message: string; extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(result.errors[0]?.message).toMatch(/too large/);
  });

  it('serves a chunked body within the limit', async () => {
    const body = healthRequest(50_000);
    const answer = await post(server.url, [body.slice(0, 20_000), body.slice(20_000)]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { health: { status: 'OK' } } });
  });

  it('refuses a chunked body once it streams past the limit', async () => {
    const body = healthRequest(MAX_REQUEST_BODY_BYTES + 100_000);
    const chunks = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, i) => body.slice(i * 65_536, (i + 1) * 65_536));
    const answer = await post(server.url, chunks);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('REQUEST_ENTITY_TOO_LARGE');
  });
});
