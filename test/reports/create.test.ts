import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/analysis/input.js';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { ManualClock } from './helpers/manual-clock.js';
import { manualService } from './helpers/service.js';

describe('create()', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('stores a QUEUED report whose deadline counts from creation', async () => {
    const clock = new ManualClock();
    service = manualService({ clock, defaultTimeoutSeconds: 60 }).service;
    const report = await service.create('acme', { input: rawInput() });
    expect(report).toMatchObject({ status: 'QUEUED', version: 1, createdAt: clock.now(), deadline: clock.now() + 60_000 });
    expect(report.id).toMatch(/^[0-9a-f-]{36}$/);
    const custom = await service.create('acme', { input: rawInput(), timeoutSeconds: 5 });
    expect(custom.deadline - custom.createdAt).toBe(5_000);
  });

  it('names every bad field, including timeoutSeconds, and stores nothing', async () => {
    service = manualService({ maxTimeoutSeconds: 120 }).service;
    const error = await service
      .create('acme', { input: { location: { latitude: 91, longitude: 0 }, asset: { value: 1 } }, timeoutSeconds: 121 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const paths = (error as InvalidInputError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['location.latitude', 'params.timeoutSeconds']));
    await expect(service.create('acme', { input: rawInput(), timeoutSeconds: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    expect((await service.list('acme', { first: 10 })).reports).toEqual([]);
  });
});
