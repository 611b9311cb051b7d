import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { PiscinaAnalysisPool } from '../../src/workers/pool.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { readAll, readUntil, SCRIPTED_WORKER, silentLogger } from './helpers/service.js';
import { createReportService } from '../../src/reports/index.js';

describe('the deadline', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('times out a running report, stops its thread, and starts the next report at once', async () => {
    const pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER });
    service = createReportService({ logger: silentLogger, pool });
    const feed = service.feed('acme');
    const slow = await service.create('acme', { input: rawInput('spin:20000'), timeoutSeconds: 1 });
    const next = await service.create('acme', { input: rawInput('ok'), timeoutSeconds: 30 });

    // Progress proves the spin is under way; then note the thread it runs on.
    await readUntil(feed, (event) => event.type === 'PROGRESS' && event.report.id === slow.id);
    const [thread] = pool.threads;
    expect(thread).toBeDefined();
    const threadExited = once(thread!, 'exit');

    const seen = await readUntil(feed, (event) => event.type === 'STARTED' && event.report.id === next.id);
    const timedOut = seen.find((event) => event.report.id === slow.id && event.type === 'TIMED_OUT');
    const started = seen.at(-1);
    expect(timedOut?.report.error).toEqual({ code: 'TIMED_OUT', message: expect.any(String) });
    expect(timedOut?.at).toBeGreaterThanOrEqual(slow.deadline);
    // The slot is free again at once: the next report starts within 100 ms of the timeout.
    expect((started?.at ?? Infinity) - (timedOut?.at ?? 0)).toBeLessThan(100);
    // The thread really stops (terminated, not left spinning).
    await threadExited;
    // Nothing after the terminal state: no late PROGRESS, no COMPLETED for the timed-out report.
    await readUntil(feed, (event) => event.type === 'COMPLETED' && event.report.id === next.id);
    const after = await service.get('acme', slow.id);
    expect(after).toMatchObject({ status: 'TIMED_OUT', result: null, version: timedOut?.version });
    await feed.return?.();
  });

  it('times out a report that is still queued, which then never starts', async () => {
    const pool = new PiscinaAnalysisPool({ workers: 1, workerFile: SCRIPTED_WORKER });
    service = createReportService({ logger: silentLogger, pool });
    const blocker = await service.create('acme', { input: rawInput('spin:20000'), timeoutSeconds: 30 });
    const waiting = await service.create('acme', { input: rawInput('ok'), timeoutSeconds: 1 });
    expect(service.queuePosition(waiting.id)).toBe(1);

    const events = await readAll(await service.events('acme', waiting.id));
    expect(events.map((event) => event.type)).toEqual(['SNAPSHOT', 'TIMED_OUT']);
    expect(events[1]?.report).toMatchObject({ status: 'TIMED_OUT', startedAt: null });
    expect(service.queuePosition(waiting.id)).toBeNull();
    expect(service.health().queueDepth).toBe(0);
    await service.cancel('acme', blocker.id);
  });
});
