import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/analysis/input.js';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { ManualClock } from './helpers/manual-clock.js';
import { manualService } from './helpers/service.js';

describe('list()', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it("pages through the tenant's reports newest first with opaque cursors", async () => {
    const clock = new ManualClock();
    service = manualService({ clock }).service;
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await service.create('acme', { input: rawInput() })).id);
      clock.advance(i === 2 ? 0 : 1_000); // two reports share a creation time
    }
    await service.create('globex', { input: rawInput() });

    const first = await service.list('acme', { first: 2 });
    expect(first.reports.map((report) => report.id)).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const second = await service.list('acme', { first: 2, after: first.endCursor });
    const third = await service.list('acme', { first: 2, after: second.endCursor });
    expect(third.hasNextPage).toBe(false);
    const all = [...first.reports, ...second.reports, ...third.reports];
    expect(new Set(all.map((report) => report.id))).toEqual(new Set(ids));
    const times = all.map((report) => report.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.startCursor).toBe(first.cursorOf(first.reports[0]!));
  });

  it('filters by status', async () => {
    const built = manualService();
    service = built.service;
    const running = await service.create('acme', { input: rawInput() });
    await built.pool.nextTask();
    await service.create('acme', { input: rawInput() });
    const page = await service.list('acme', { first: 10, status: ['RUNNING'] });
    expect(page.reports.map((report) => report.id)).toEqual([running.id]);
  });

  it('rejects a cursor it did not make as bad input on `after`', async () => {
    service = manualService().service;
    const error = await service.list('acme', { first: 10, after: 'not-a-cursor' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]?.path).toBe('after');
  });
});
