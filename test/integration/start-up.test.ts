/**
 * The configuration module, and `npm start` as a process (the server as `npm run build` compiles it, run
 * by plain node): it starts, runs a report in its compiled worker, stops cleanly on SIGTERM, and refuses
 * to start with a message naming what is wrong.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createClient } from 'graphql-sse';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { defaultWorkerCount } from '../../src/workers/pool.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = fileURLToPath(new URL('../../node_modules/.bin/tsc', import.meta.url));
const COMPILED_MAIN = 'dist/server/main.js';
const SECRET = 'sk-test-never-print-me-42';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      workers: defaultWorkerCount(),
      maxQueue: 1_000,
      reportTimeoutSeconds: 60,
      maxTimeoutSeconds: 600,
      llmConcurrency: 128,
      openai: { apiKey: undefined, baseUrl: undefined, model: undefined },
      redisUrl: undefined,
      apiKeys: [],
      resultTtlSeconds: 86_400,
      maxStoredReports: 10_000,
      shutdownGraceSeconds: 10,
      logLevel: 'info',
    });
    expect([defaultWorkerCount(1, true), defaultWorkerCount(8, true)]).toEqual([1, 8]);
    expect([defaultWorkerCount(1, false), defaultWorkerCount(8, false)]).toEqual([1, 7]);
  });

  it('reads API_KEYS as tenant:key pairs or plain keys of the public tenant', () => {
    expect(loadConfig({ API_KEYS: 'acme:key-aaaa-1, plain-key-bbbb ,globex:key:with:colons' }).apiKeys).toEqual([
      { tenant: 'acme', key: 'key-aaaa-1' },
      { tenant: 'public', key: 'plain-key-bbbb' },
      { tenant: 'globex', key: 'key:with:colons' },
    ]);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['WORKERS', '0'],
    ['MAX_QUEUE', '1.5'],
    ['REPORT_TIMEOUT_SECONDS', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['OPENAI_BASE_URL', 'not a url'],
    ['API_KEYS', 'acme:short'],
  ])('refuses %s=%s with a message naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it('refuses a default timeout above the maximum', () => {
    expect(() => loadConfig({ REPORT_TIMEOUT_SECONDS: '700' })).toThrow(/REPORT_TIMEOUT_SECONDS must not exceed MAX_TIMEOUT_SECONDS/);
  });

  it('never puts a key in its messages', () => {
    expect(() => loadConfig({ API_KEYS: `acme:${SECRET},globex:${SECRET}` })).toThrow(/entry 2/);
    expect(() => loadConfig({ API_KEYS: `acme:${SECRET},globex:${SECRET}` })).not.toThrow(new RegExp(SECRET));
  });
});

interface Run {
  code: number | null;
  output: string;
}

/** Runs the compiled server; `whileRunning` gets the URL once the server listens, then SIGTERM is sent. */
function runMain(env: Record<string, string>, whileRunning?: (url: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COMPILED_MAIN], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', WORKERS: '1', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let started = false;
    const onOutput = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      if (url && !started && whileRunning) {
        started = true;
        whileRunning(url).then(
          () => child.kill('SIGTERM'),
          (error: unknown) => {
            child.kill('SIGKILL');
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** The report's statuses as a client following it over SSE sees them, up to its final one. */
async function followReport(url: string, id: string): Promise<string[]> {
  const client = createClient({ url, retryAttempts: 0 });
  const statuses: string[] = [];
  try {
    const events = client.iterate<{ reportEvents: { report: { status: string } } }>({
      query: 'subscription ($id: ID!) { reportEvents(id: $id) { report { status } } }',
      variables: { id },
    });
    for await (const { data } of events) if (data) statuses.push(data.reportEvents.report.status);
  } finally {
    client.dispose();
  }
  return statuses;
}

describe('npm start', () => {
  // What `npm run build` does for the server (the dashboard's Vite build is left alone: a running
  // `npm start` may be serving it).
  beforeAll(() => {
    execFileSync(TSC, ['-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);

  it('looks for the dashboard where `npm run build` puts it, from the compiled server too', async () => {
    const compiled = (await import(pathToFileURL(join(ROOT, 'dist/server/dashboard/serve.js')).href)) as { DEFAULT_DASHBOARD_DIR: string };
    expect(compiled.DEFAULT_DASHBOARD_DIR).toBe(join(ROOT, 'dist/dashboard/'));
  });

  it('starts, runs a report in its compiled worker, and exits 0 on SIGTERM without printing the OpenAI key', async () => {
    const run = await runMain({ OPENAI_API_KEY: SECRET }, async (url) => {
      const health = await fetch(url.replace('/graphql', '/healthz'));
      expect(await health.json()).toMatchObject({ status: 'ok', workers: 1 });
      const created = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { createReport(input: { location: { latitude: 37.57, longitude: 126.98 }, asset: { value: 1000000 }, params: { simulationYears: 1000, includeNarrative: false } }) { id } }',
        }),
      });
      const { data } = (await created.json()) as { data: { createReport: { id: string } } };
      const statuses = await followReport(url, data.createReport.id);
      expect(statuses.at(-1)).toBe('COMPLETED');
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('listening on http://127.0.0.1:');
    expect(run.output).toContain('shut down cleanly');
    expect(run.output).not.toContain(SECRET);
  });

  it('refuses bad configuration with one line naming the variable, exit code 2', async () => {
    const run = await runMain({ PORT: 'eighty' });
    expect(run.code).toBe(2);
    expect(run.output).toContain('Invalid configuration: PORT must be a whole number');
  });

  it('fails with exit code 1 and the reason when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as AddressInfo;
      const run = await runMain({ PORT: String(port) });
      expect(run.code).toBe(1);
      expect(run.output).toContain('could not start');
      expect(run.output).toContain('EADDRINUSE');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('refuses REDIS_URL for now, saying so, exit code 1', async () => {
    const run = await runMain({ REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('REDIS_URL is set, but the distributed (Redis) mode is not supported yet');
  });
});
