import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { flushMicrotasks } from './helpers/manual-clock.js';
import { manualService } from './helpers/service.js';

describe('idempotencyKey', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('returns the same report for the same tenant and key, and starts no second job', async () => {
    const built = manualService();
    service = built.service;
    const first = await service.create('acme', { input: rawInput(), idempotencyKey: 'order-1' });
    const again = await service.create('acme', { input: rawInput(), idempotencyKey: 'order-1' });
    expect(again.id).toBe(first.id);
    await flushMicrotasks();
    expect(built.pool.tasks).toHaveLength(1);
    expect(service.health().queueDepth).toBe(0);
  });

  it('keeps tenants apart: the same key of another tenant is another report', async () => {
    service = manualService().service;
    const acme = await service.create('acme', { input: rawInput(), idempotencyKey: 'order-1' });
    const globex = await service.create('globex', { input: rawInput(), idempotencyKey: 'order-1' });
    expect(globex.id).not.toBe(acme.id);
  });

  it('creates one report for 50 concurrent creates with one key', async () => {
    const built = manualService();
    service = built.service;
    const created = await Promise.all(
      Array.from({ length: 50 }, () => service.create('acme', { input: rawInput(), idempotencyKey: 'burst' })),
    );
    expect(new Set(created.map((report) => report.id)).size).toBe(1);
    await flushMicrotasks();
    expect(built.pool.tasks).toHaveLength(1);
    expect((await service.list('acme', { first: 100 })).reports).toHaveLength(1);
  });
});
