import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateReportDocument, HealthDocument, ReportDocument, ReportsDocument } from '../../src/clients/generated/graphql.js';
import { INTERNAL_MESSAGE } from '../../src/graphql/errors.js';
import type { ReportService } from '../../src/reports/index.js';
import { codesOf, execute, IN_PROCESS_URL } from '../helpers/graphql.js';
import { inProcess } from '../helpers/in-process.js';
import { reportInput } from '../helpers/inputs.js';
import { manualService } from '../helpers/services.js';

function capturingLogger(): { logger: pino.Logger; lines: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'error' }, sink), lines: () => chunks.join('') };
}

describe('client errors (in process)', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('names every bad field of createReport with BAD_USER_INPUT and the analysis path', async () => {
    service = manualService().service;
    const input = reportInput('ok', {
      location: { latitude: 91, longitude: 126.978 },
      building: { floorsAboveGround: 300 },
      asset: { value: -5, currency: 'XYZ' },
      params: { timeoutSeconds: 100_000 },
    });
    const result = await execute(inProcess(service), CreateReportDocument, { input });
    expect(result.data).toBeNull();
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    const issues = result.errors?.[0]?.extensions?.['issues'] as { path: string; message: string }[];
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ['asset.currency', 'asset.value', 'building.floorsAboveGround', 'location.latitude', 'params.timeoutSeconds'].sort(),
    );
    for (const issue of issues) expect(issue.message).toEqual(expect.any(String));
    expect(issues.find((issue) => issue.path === 'location.latitude')?.message).toMatch(/between -90 and 90/);
  });

  it('answers BAD_USER_INPUT for a value GraphQL itself cannot coerce', async () => {
    service = manualService().service;
    const response = await inProcess(service).fetcher.fetch(IN_PROCESS_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
        variables: { input: { location: { latitude: 'north', longitude: 1 }, asset: { value: 1 } } },
      }),
    });
    const result = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0]?.message).toMatch(/latitude/);
  });

  it('keeps the codes of GraphQL validation errors', async () => {
    service = manualService().service;
    const response = await inProcess(service).fetcher.fetch(IN_PROCESS_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    const result = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('masks an unexpected error as INTERNAL: no message, stack or secret reaches the client, all of it the log', async () => {
    service = manualService().service;
    const secret = 'postgres://admin:hunter2@db';
    vi.spyOn(service, 'get').mockRejectedValue(new Error(`connection to ${secret} refused`));
    const { logger, lines } = capturingLogger();
    const response = await inProcess(service, { logger }).fetcher.fetch(IN_PROCESS_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ report(id: "r1") { id } }' }),
    });
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      data: { report: null },
      errors: [{ message: INTERNAL_MESSAGE, locations: [{ line: 1, column: 3 }], path: ['report'], extensions: { code: 'INTERNAL' } }],
    });
    expect(body).not.toContain('hunter2');
    expect(body).not.toContain('refused');
    expect(lines()).toContain('hunter2');
    expect(lines()).toContain('"stack"');
  });

  it('lets other fields of the same operation succeed beside a masked error', async () => {
    service = manualService().service;
    vi.spyOn(service, 'list').mockImplementation(() => {
      throw new TypeError('bug');
    });
    const { logger } = capturingLogger();
    const api = inProcess(service, { logger });
    const health = await execute(api, HealthDocument, {});
    expect(health.data?.health.status).toBe('OK');
    const reports = await execute(api, ReportsDocument, {});
    expect(codesOf(reports)).toEqual(['INTERNAL']);
    expect(await execute(api, ReportDocument, { id: 'x' })).toEqual({ data: { report: null } });
  });
});
