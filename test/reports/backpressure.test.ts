import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { manualService } from './helpers/service.js';

describe('the queue', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('refuses past maxQueue with QUEUE_FULL and stores nothing', async () => {
    const built = manualService({ maxQueue: 2 });
    service = built.service;
    await service.create('acme', { input: rawInput() }); // runs
    await built.pool.nextTask();
    await service.create('acme', { input: rawInput() });
    await service.create('acme', { input: rawInput() });

    await expect(service.create('acme', { input: rawInput(), idempotencyKey: 'late' })).rejects.toMatchObject({
      code: 'QUEUE_FULL',
    });
    expect((await service.list('acme', { first: 10 })).reports).toHaveLength(3);
    expect(service.health().queueDepth).toBe(2);

    // Room again once one leaves the queue; the refused key was not remembered.
    built.pool.tasks[0]?.complete();
    await built.pool.nextTask();
    const accepted = await service.create('acme', { input: rawInput(), idempotencyKey: 'late' });
    expect(accepted.status).toBe('QUEUED');
  });

  it('keeps queuePosition exact and serves two tenants in turn', async () => {
    const built = manualService();
    service = built.service;
    const running = await service.create('acme', { input: rawInput() });
    let current = await built.pool.nextTask();
    const a = [];
    for (let i = 0; i < 4; i += 1) a.push(await service.create('acme', { input: rawInput() }));
    const b = [];
    for (let i = 0; i < 2; i += 1) b.push(await service.create('globex', { input: rawInput() }));

    // Round-robin: a0 b0 a1 b1 a2 a3
    const expected = [a[0], b[0], a[1], b[1], a[2], a[3]];
    expect(expected.map((report) => service.queuePosition(report!.id))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(service.queuePosition(running.id)).toBeNull();

    const startOrder: string[] = [];
    let wake = (): void => undefined;
    const feeds = [service.feed('acme'), service.feed('globex')];
    for (const feed of feeds) {
      void (async () => {
        for await (const event of feed) {
          if (event.type === 'STARTED') startOrder.push(event.report.id);
          wake();
        }
      })();
    }
    for (let step = 0; step < expected.length; step += 1) {
      current.complete();
      current = await built.pool.nextTask();
      while (startOrder.length <= step) await new Promise<void>((resolve) => (wake = resolve));
      // Everyone behind moved up by one.
      const waiting = expected.slice(step + 1);
      expect(waiting.map((report) => service.queuePosition(report!.id))).toEqual(waiting.map((_, i) => i + 1));
    }
    expect(startOrder).toEqual(expected.map((report) => report!.id));
    for (const feed of feeds) await feed.return?.();
  });
});
