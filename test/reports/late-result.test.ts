import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { flushMicrotasks, ManualClock } from './helpers/manual-clock.js';
import { manualService, readAll } from './helpers/service.js';

describe('a result that arrives after the deadline', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('is dropped: the report stays TIMED_OUT and no event follows the terminal one', async () => {
    const clock = new ManualClock();
    // A pool that lets the aborted task run on, so its result really arrives late.
    const built = manualService({ clock, ignoreAbort: true });
    service = built.service;
    const feed = service.feed('acme');
    const seen: string[] = [];
    void (async () => {
      for await (const event of feed) seen.push(event.type);
    })();
    const report = await service.create('acme', { input: rawInput(), timeoutSeconds: 2 });
    const task = await built.pool.nextTask();

    clock.advance(2_000);
    await flushMicrotasks();
    const [timedOut] = await readAll(await service.events('acme', report.id));
    expect(timedOut).toMatchObject({ type: 'SNAPSHOT', report: { status: 'TIMED_OUT' } });
    expect(task.signal?.aborted).toBe(true);

    task.complete();
    await flushMicrotasks();
    expect(await service.get('acme', report.id)).toEqual(timedOut?.report);
    expect(seen).toEqual(['QUEUED', 'STARTED', 'TIMED_OUT']);
    await feed.return?.();
  });
});
