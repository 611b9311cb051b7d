/** GET /reports/{id}.md and .html over a real server: the documents, and the API's access rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessRiskSync } from '../../src/analysis/assess.js';
import { CreateReportDocument } from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';
import type { ManualPool } from '../reports/helpers/manual-pool.js';

const KEYS = [
  { tenant: 'acme', key: 'acme-key-123456' },
  { tenant: 'globex', key: 'globex-key-123456' },
];
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

describe('report documents', () => {
  let server: TestServer;
  let pool: ManualPool;
  let base: string;
  let completed: string;
  let running: string;
  let failed: string;

  async function create(name: string, key: string): Promise<string> {
    const input = reportInput(name, { params: { includeNarrative: false, simulationYears: 1_000 } });
    return dataOf(await execute(server.http, CreateReportDocument, { input }, auth(key))).createReport.id;
  }

  /** The service applies a task's outcome asynchronously: wait on the report's state, not on time. */
  async function untilStatus(id: string, status: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while ((await server.service.get('acme', id))?.status !== status) {
      if (Date.now() > deadline) throw new Error(`report ${id} never became ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  beforeAll(async () => {
    const built = manualService({ workers: 1 });
    pool = built.pool;
    server = await startTestServer(built.service, { apiKeys: KEYS });
    base = server.url.replace(/\/graphql$/, '');

    completed = await create('Tower <A>', 'acme-key-123456');
    const first = await pool.nextTask();
    first.complete(assessRiskSync(first.input));
    failed = await create('throws', 'acme-key-123456');
    const second = await pool.nextTask();
    second.fail(new Error('scripted failure'));
    running = await create('runs', 'acme-key-123456');
    await pool.nextTask(); // left running
    await untilStatus(completed, 'COMPLETED');
    await untilStatus(failed, 'FAILED');
  });
  afterAll(() => server.dispose());

  it('serves a completed report as Markdown', async () => {
    const response = await fetch(`${base}/reports/${completed}.md`, { headers: auth('acme-key-123456') });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = await response.text();
    expect(text).toMatch(/^# Physical climate-risk report: Tower \\<A\\>/);
    expect(text).toContain('## Results by scenario and horizon');
  });

  it('serves it as printable HTML under a policy that allows no script but the print button', async () => {
    const response = await fetch(`${base}/reports/${completed}.html`, { headers: { 'x-api-key': 'acme-key-123456' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'unsafe-hashes' 'sha256-/);
    const html = await response.text();
    expect(html).toContain('<h1>Tower &lt;A&gt;</h1>');
    expect(html).toContain('class="world-map"');
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(`${base}/reports/${completed}.md`, { method: 'HEAD', headers: auth('acme-key-123456') });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1_000);
    expect(await response.text()).toBe('');
  });

  it('answers 409 with the reason while a report runs or when it failed', async () => {
    const busy = await fetch(`${base}/reports/${running}.html`, { headers: auth('acme-key-123456') });
    expect(busy.status).toBe(409);
    expect(await busy.text()).toMatch(/is (QUEUED|RUNNING): its document is ready once it is COMPLETED/);
    const broken = await fetch(`${base}/reports/${failed}.md`, { headers: auth('acme-key-123456') });
    expect(broken.status).toBe(409);
    expect(await broken.text()).toMatch(/is FAILED \(ANALYZER_ERROR: .*\): only a COMPLETED report has a document/);
  });

  it('applies the API’s access rules: 401 without a valid key, 404 for an unknown id or another tenant’s report', async () => {
    const anonymous = await fetch(`${base}/reports/${completed}.md`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${base}/reports/${completed}.md`, { headers: auth('wrong-key-123456') })).status).toBe(401);
    expect((await fetch(`${base}/reports/${completed}.md`, { headers: auth('globex-key-123456') })).status).toBe(404);
    expect((await fetch(`${base}/reports/00000000-0000-4000-8000-000000000000.md`, { headers: auth('acme-key-123456') })).status).toBe(404);
  });

  it('refuses other methods', async () => {
    const response = await fetch(`${base}/reports/${completed}.md`, { method: 'DELETE', headers: auth('acme-key-123456') });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
