import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { readAll, threadedService } from './helpers/service.js';

describe('a failing report', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  async function outcome(id: string) {
    const events = await readAll(await service.events('acme', id));
    return events.at(-1)?.report;
  }

  it('fails with WORKER_CRASHED when its thread exits, and the pool runs the next report', async () => {
    service = threadedService();
    const crashing = await service.create('acme', { input: rawInput('exit:7') });
    const next = await service.create('acme', { input: rawInput('ok') });
    expect(await outcome(crashing.id)).toMatchObject({ status: 'FAILED', error: { code: 'WORKER_CRASHED' } });
    expect(await outcome(next.id)).toMatchObject({ status: 'COMPLETED' });
  });

  it('fails with WORKER_CRASHED when its thread runs out of memory, and the pool stays usable', async () => {
    service = threadedService({ workerMaxHeapMb: 48 });
    const hungry = await service.create('acme', { input: rawInput('oom') });
    const next = await service.create('acme', { input: rawInput('ok') });
    expect(await outcome(hungry.id)).toMatchObject({ status: 'FAILED', error: { code: 'WORKER_CRASHED' } });
    expect(await outcome(next.id)).toMatchObject({ status: 'COMPLETED' });
  });

  it('fails with ANALYZER_ERROR and a message that reveals nothing of the analyzer', async () => {
    service = threadedService();
    const report = await service.create('acme', { input: rawInput('throw:secret internal detail sk-abcdefghijkl') });
    const failed = await outcome(report.id);
    expect(failed).toMatchObject({ status: 'FAILED', error: { code: 'ANALYZER_ERROR' } });
    expect(failed?.error?.message).not.toMatch(/secret|sk-/);
  });
});
