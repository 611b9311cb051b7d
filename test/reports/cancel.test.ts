import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError, type ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { manualService, readAll } from './helpers/service.js';

describe('cancelReport', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('cancels a queued report, which leaves the queue and never starts', async () => {
    const built = manualService();
    service = built.service;
    const running = await service.create('acme', { input: rawInput() });
    const queued = await service.create('acme', { input: rawInput() });
    await built.pool.nextTask();

    const cancelled = await service.cancel('acme', queued.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', error: { code: 'CANCELLED' }, startedAt: null });
    expect(service.queuePosition(queued.id)).toBeNull();

    // The running report completes; the cancelled one was never handed to the pool.
    const first = built.pool.tasks[0];
    first?.complete();
    const events = await readAll(await service.events('acme', running.id));
    expect(events.at(-1)?.type).toBe('COMPLETED');
    expect(built.pool.tasks).toHaveLength(1);
  });

  it('cancels a running report and aborts its task', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    const task = await built.pool.nextTask();

    expect(await service.cancel('acme', report.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await task.settled).toBe('aborted');
    expect(task.signal?.aborted).toBe(true);
  });

  it('refuses to cancel a finished report with INVALID_STATE', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    (await built.pool.nextTask()).complete();
    await readAll(await service.events('acme', report.id));

    const error = await service.cancel('acme', report.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'INVALID_STATE' });
    expect(await service.get('acme', report.id)).toMatchObject({ status: 'COMPLETED' });
  });

  it("answers NOT_FOUND for an unknown id and for another tenant's report", async () => {
    service = manualService().service;
    const report = await service.create('acme', { input: rawInput() });
    await expect(service.cancel('acme', 'no-such-report')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.cancel('globex', report.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await service.get('acme', report.id))?.status).not.toBe('CANCELLED');
  });
});
