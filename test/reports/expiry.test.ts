import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { flushMicrotasks, ManualClock } from './helpers/manual-clock.js';
import { manualService, readAll } from './helpers/service.js';

describe('expiry of finished reports', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('expires a finished report after resultTtlSeconds: EXPIRED to its subscribers, then get() is null', async () => {
    const clock = new ManualClock();
    const built = manualService({ clock, resultTtlSeconds: 3_600 });
    service = built.service;
    const report = await service.create('acme', { input: rawInput(), idempotencyKey: 'k' });
    const stream = await service.events('acme', report.id);
    (await built.pool.nextTask()).complete();
    await flushMicrotasks();
    const feed = service.feed('acme');
    await flushMicrotasks();

    clock.advance(3_599_000);
    await flushMicrotasks();
    expect(await service.get('acme', report.id)).not.toBeNull();

    clock.advance(1_000);
    await flushMicrotasks();
    expect(await service.get('acme', report.id)).toBeNull();
    // The first stream had already ended with COMPLETED.
    expect((await readAll(stream)).map((event) => event.type).at(-1)).toBe('COMPLETED');
    // A report's own stream ends at its terminal event; feed subscribers hear of the expiry.
    expect((await feed.next()).value).toMatchObject({ type: 'EXPIRED', version: 4, report: { id: report.id } });
    await feed.return?.();
    // Gone means gone: the key is free again and events() answers NOT_FOUND.
    await expect(service.events('acme', report.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await service.create('acme', { input: rawInput(), idempotencyKey: 'k' })).id).not.toBe(report.id);
  });

  it('evicts the oldest finished report past maxStoredReports, never a live one', async () => {
    const built = manualService({ maxStoredReports: 3 });
    service = built.service;
    const feed = service.feed('acme');
    const first = await service.create('acme', { input: rawInput() });
    (await built.pool.nextTask()).complete();
    const second = await service.create('acme', { input: rawInput() });
    (await built.pool.nextTask()).complete();
    const live = await service.create('acme', { input: rawInput() }); // runs, never finishes
    await built.pool.nextTask();
    await flushMicrotasks();

    const fourth = await service.create('acme', { input: rawInput() });
    expect(await service.get('acme', first.id)).toBeNull();
    expect(await service.get('acme', second.id)).not.toBeNull();
    const fifth = await service.create('acme', { input: rawInput() });
    expect(await service.get('acme', second.id)).toBeNull();

    // Only live reports remain: the bound gives way rather than drop one of them.
    const sixth = await service.create('acme', { input: rawInput() });
    for (const report of [live, fourth, fifth, sixth]) expect(await service.get('acme', report.id)).not.toBeNull();

    const expired: string[] = [];
    for await (const event of feed) {
      if (event.type === 'EXPIRED') expired.push(event.report.id);
      if (event.report.id === sixth.id) break;
    }
    expect(expired).toEqual([first.id, second.id]);
  });
});
