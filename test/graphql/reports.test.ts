import { afterEach, describe, expect, it } from 'vitest';
import {
  CancelReportDocument,
  CreateReportDocument,
  ReportDocument,
  ReportsDocument,
} from '../../src/clients/generated/graphql.js';
import type { ReportService } from '../../src/reports/index.js';
import { codesOf, dataOf, execute } from '../helpers/graphql.js';
import { inProcess } from '../helpers/in-process.js';
import { reportInput } from '../helpers/inputs.js';
import { manualService } from '../helpers/services.js';

describe('reports over GraphQL (in process)', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  function setUp(options: Parameters<typeof manualService>[0] = {}) {
    const built = manualService(options);
    service = built.service;
    return { ...built, api: inProcess(service) };
  }

  it('creates a report that is QUEUED at once, with its defaults filled in', async () => {
    const { api } = setUp();
    const created = dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport;
    expect(created.status).toBe('QUEUED');
    expect(created.version).toBe(1);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    expect(Date.parse(created.deadline) - Date.parse(created.createdAt)).toBe(60_000);
    expect(created.input).toMatchObject({
      building: { occupancy: 'COMMERCIAL', structure: 'REINFORCED_CONCRETE', floorsAboveGround: 5, basementFloors: 0 },
      asset: { currency: 'KRW', contentsValue: 0, annualRevenue: null },
      params: { scenarios: ['SSP1_2_6', 'SSP2_4_5', 'SSP5_8_5'], horizons: [2030, 2050, 2100], timeoutSeconds: 60 },
      language: 'EN',
    });
  });

  it('treats null fields as absent, so the analysis defaults apply', async () => {
    const { api } = setUp();
    const input = reportInput('ok', { building: null, params: { scenarios: null, timeoutSeconds: null } });
    const created = dataOf(await execute(api, CreateReportDocument, { input })).createReport;
    expect(created.input.building.floorsAboveGround).toBe(5);
    expect(created.input.params.scenarios).toHaveLength(3);
  });

  it('shows a queue position while QUEUED and the stored report by id', async () => {
    const { api, pool } = setUp();
    const first = dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport;
    await pool.nextTask(); // the first one now runs
    const second = dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport;
    expect(second.queuePosition).toBe(1);

    const running = dataOf(await execute(api, ReportDocument, { id: first.id })).report;
    expect(running).toMatchObject({ id: first.id, status: 'RUNNING', queuePosition: null, result: null });
    expect(dataOf(await execute(api, ReportDocument, { id: 'no-such-report' })).report).toBeNull();
  });

  it('returns the whole analysis of a completed report', async () => {
    const { api, pool } = setUp();
    const created = dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport;
    const task = await pool.nextTask();
    task.complete();
    await task.settled;
    const events = await service.events('public', created.id);
    for await (const event of events) if (event.report.status === 'COMPLETED') break;

    const report = dataOf(await execute(api, ReportDocument, { id: created.id })).report;
    expect(report?.status).toBe('COMPLETED');
    expect(report?.result).toMatchObject({ currency: 'KRW', assetValue: 1_000_000_000 });
    expect(report?.finishedAt).not.toBeNull();
  });

  it('lists reports newest first, page by page, and filters by status', async () => {
    const { api, pool } = setUp({ workers: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport.id);
    }
    await pool.nextTask(); // the oldest runs, the other four wait
    const newestFirst = [...ids].reverse();

    const page1 = dataOf(await execute(api, ReportsDocument, { first: 2 })).reports;
    expect(page1.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(0, 2));
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const page2 = dataOf(await execute(api, ReportsDocument, { first: 2, after: page1.pageInfo.endCursor })).reports;
    expect(page2.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(2, 4));
    expect(page2.pageInfo.hasPreviousPage).toBe(true);

    const page3 = dataOf(await execute(api, ReportsDocument, { first: 2, after: page2.pageInfo.endCursor })).reports;
    expect(page3.edges.map((edge) => edge.node.id)).toEqual(newestFirst.slice(4));
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(page3.pageInfo.endCursor).toBe(page3.edges.at(-1)?.cursor);

    const running = dataOf(await execute(api, ReportsDocument, { status: ['RUNNING'] })).reports;
    expect(running.edges.map((edge) => edge.node.id)).toEqual([ids[0]]);
  });

  it('rejects a page size out of bounds and a cursor it did not make with BAD_USER_INPUT', async () => {
    const { api } = setUp();
    const tooBig = await execute(api, ReportsDocument, { first: 101 });
    expect(codesOf(tooBig)).toEqual(['BAD_USER_INPUT']);
    expect(tooBig.errors?.[0]?.extensions?.['issues']).toEqual([{ path: 'first', message: expect.any(String) }]);
    const badCursor = await execute(api, ReportsDocument, { after: 'not-a-cursor' });
    expect(codesOf(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(badCursor.errors?.[0]?.extensions?.['issues']).toEqual([{ path: 'after', message: expect.any(String) }]);
  });

  it('cancels a queued report, then refuses a second cancel with INVALID_STATE', async () => {
    const { api } = setUp();
    const created = dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport;
    const cancelled = dataOf(await execute(api, CancelReportDocument, { id: created.id })).cancelReport;
    expect(cancelled).toMatchObject({ id: created.id, status: 'CANCELLED', error: { code: 'CANCELLED' } });

    const again = await execute(api, CancelReportDocument, { id: created.id });
    expect(again.data).toBeNull();
    expect(codesOf(again)).toEqual(['INVALID_STATE']);
  });

  it('cancels a running report: its task is aborted', async () => {
    const { api, pool } = setUp();
    const created = dataOf(await execute(api, CreateReportDocument, { input: reportInput() })).createReport;
    const task = await pool.nextTask();
    const cancelled = dataOf(await execute(api, CancelReportDocument, { id: created.id })).cancelReport;
    expect(cancelled.status).toBe('CANCELLED');
    await expect(task.settled).resolves.toBe('aborted');
  });

  it('answers NOT_FOUND when cancelling an unknown report', async () => {
    const { api } = setUp();
    const result = await execute(api, CancelReportDocument, { id: 'no-such-report' });
    expect(codesOf(result)).toEqual(['NOT_FOUND']);
  });

  it('returns the same report for the same idempotency key, and starts no second job', async () => {
    const { api, pool } = setUp();
    const input = reportInput('ok', { idempotencyKey: 'order-42' });
    const first = dataOf(await execute(api, CreateReportDocument, { input })).createReport;
    const retry = dataOf(await execute(api, CreateReportDocument, { input })).createReport;
    expect(retry.id).toBe(first.id);
    const other = dataOf(await execute(api, CreateReportDocument, { input: reportInput('ok', { idempotencyKey: 'order-43' }) }));
    expect(other.createReport.id).not.toBe(first.id);
    await pool.nextTask();
    expect(pool.tasks).toHaveLength(1);
    const listed = dataOf(await execute(api, ReportsDocument, {})).reports;
    expect(listed.edges).toHaveLength(2);
  });

  it('answers QUEUE_FULL once MAX_QUEUE reports wait', async () => {
    const { api, pool } = setUp({ maxQueue: 2 });
    await execute(api, CreateReportDocument, { input: reportInput() });
    await pool.nextTask(); // running: no longer queued
    for (let i = 0; i < 2; i += 1) dataOf(await execute(api, CreateReportDocument, { input: reportInput() }));
    const refused = await execute(api, CreateReportDocument, { input: reportInput() });
    expect(refused.data).toBeNull();
    expect(codesOf(refused)).toEqual(['QUEUE_FULL']);
  });

  it('answers SHUTTING_DOWN once the service is closing', async () => {
    const { api } = setUp();
    await service.close({ graceMs: 0 });
    const refused = await execute(api, CreateReportDocument, { input: reportInput() });
    expect(codesOf(refused)).toEqual(['SHUTTING_DOWN']);
  });
});
