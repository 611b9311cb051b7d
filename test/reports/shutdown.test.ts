import { describe, expect, it } from 'vitest';
import { rawInput } from '../fixtures/workers/inputs.js';
import { manualService, readAll } from './helpers/service.js';

describe('close()', () => {
  it('refuses new reports, interrupts queued ones at once, lets running ones finish within the grace', async () => {
    const { service, pool } = manualService();
    const running = await service.create('acme', { input: rawInput() });
    const queued = await service.create('acme', { input: rawInput() });
    const task = await pool.nextTask();
    const runningEvents = await service.events('acme', running.id);
    const queuedEvents = await service.events('acme', queued.id);

    const closing = service.close({ graceMs: 60_000 });
    await expect(service.create('acme', { input: rawInput() })).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    expect((await readAll(queuedEvents)).at(-1)?.report).toMatchObject({
      status: 'CANCELLED',
      error: { code: 'INTERRUPTED' },
    });

    task.complete();
    await closing;
    expect((await readAll(runningEvents)).at(-1)?.report.status).toBe('COMPLETED');
    expect(pool.destroyed).toBe(true);
    expect(service.health().shuttingDown).toBe(true);
  });

  it('interrupts running reports past the grace period, stopping their work, and ends open feeds', async () => {
    const { service, pool } = manualService();
    const report = await service.create('acme', { input: rawInput() });
    const task = await pool.nextTask();
    const feed = service.feed('acme');

    await service.close({ graceMs: 20 });
    expect(await task.settled).toBe('aborted');
    expect(await service.get('acme', report.id)).toMatchObject({ status: 'CANCELLED', error: { code: 'INTERRUPTED' } });
    const rest = await readAll(feed);
    expect(rest.at(-1)).toMatchObject({ type: 'CANCELLED' });
    expect(service.listenerCount()).toBe(0);
  });
});
