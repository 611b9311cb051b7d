import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelReportDocument, CreateReportDocument, HealthDocument, ReportDocument, ReportsDocument } from '../../src/clients/generated/graphql.js';
import { credentialFromConnectionParams } from '../../src/graphql/context.js';
import type { ReportService } from '../../src/reports/index.js';
import { codesOf, dataOf, execute } from '../helpers/graphql.js';
import { inProcess } from '../helpers/in-process.js';
import { reportInput } from '../helpers/inputs.js';
import { manualService } from '../helpers/services.js';

const ACME = 'acme-key-0001';
const GLOBEX = 'globex-key-0002';

describe('API keys (in process)', () => {
  let service: ReportService;
  let api: ReturnType<typeof inProcess>;
  beforeAll(() => {
    service = manualService().service;
    api = inProcess(service, { apiKeys: [{ tenant: 'acme', key: ACME }, { tenant: 'globex', key: GLOBEX }] });
  });
  afterAll(() => service.close({ graceMs: 0 }));

  it('refuses a request without a key or with a wrong one: UNAUTHENTICATED', async () => {
    const missing = await execute(api, HealthDocument, {});
    expect(codesOf(missing)).toEqual(['UNAUTHENTICATED']);
    const wrong = await execute(api, HealthDocument, {}, { authorization: 'Bearer nope-nope-nope' });
    expect(codesOf(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(wrong)).not.toContain('nope-nope-nope');
  });

  it('accepts a key as a Bearer token or in x-api-key', async () => {
    expect(dataOf(await execute(api, HealthDocument, {}, { authorization: `Bearer ${ACME}` })).health.status).toBe('OK');
    expect(dataOf(await execute(api, HealthDocument, {}, { 'x-api-key': ACME })).health.status).toBe('OK');
  });

  it("hides a tenant's reports from another tenant: null, NOT_FOUND, not listed", async () => {
    const asAcme = { authorization: `Bearer ${ACME}` };
    const asGlobex = { 'x-api-key': GLOBEX };
    const created = dataOf(await execute(api, CreateReportDocument, { input: reportInput() }, asAcme)).createReport;

    expect(dataOf(await execute(api, ReportDocument, { id: created.id }, asAcme)).report?.id).toBe(created.id);
    expect(dataOf(await execute(api, ReportDocument, { id: created.id }, asGlobex)).report).toBeNull();
    expect(codesOf(await execute(api, CancelReportDocument, { id: created.id }, asGlobex))).toEqual(['NOT_FOUND']);
    expect(dataOf(await execute(api, ReportsDocument, {}, asGlobex)).reports.edges).toEqual([]);
    expect(dataOf(await execute(api, ReportsDocument, {}, asAcme)).reports.edges).toHaveLength(1);
  });
});

describe('credentials in graphql-ws connection parameters', () => {
  it('reads Authorization (any case), x-api-key or apiKey', () => {
    expect(credentialFromConnectionParams({ Authorization: 'Bearer k1' })).toBe('k1');
    expect(credentialFromConnectionParams({ authorization: 'bearer  k2 ' })).toBe('k2');
    expect(credentialFromConnectionParams({ 'X-Api-Key': 'k3' })).toBe('k3');
    expect(credentialFromConnectionParams({ apiKey: 'k4' })).toBe('k4');
    expect(credentialFromConnectionParams({ authorization: 'Basic abc' })).toBeUndefined();
    expect(credentialFromConnectionParams(undefined)).toBeUndefined();
  });
});
