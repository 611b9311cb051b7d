import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { readAll, threadedService } from './helpers/service.js';

describe('a report on real worker threads', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('goes QUEUED → RUNNING → PROGRESS → COMPLETED, one version per event, in order', async () => {
    service = threadedService();
    const created = await service.create('acme', { input: rawInput('spin:400') });
    expect(created).toMatchObject({ status: 'QUEUED', version: 1, tenant: 'acme', result: null });

    const events = await readAll(await service.events('acme', created.id));
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('SNAPSHOT');
    expect(types.at(-1)).toBe('COMPLETED');
    expect(types).toContain('STARTED');
    expect(types).toContain('PROGRESS');
    // After the snapshot, every version follows the previous one by exactly one.
    const versions = events.map((event) => event.version);
    for (let i = 2; i < versions.length; i += 1) expect(versions[i]).toBe((versions[i - 1] ?? 0) + 1);
    // At ~10 progress events a second, a 400 ms spin yields a handful, not hundreds.
    expect(types.filter((type) => type === 'PROGRESS').length).toBeLessThan(10);

    const final = await service.get('acme', created.id);
    expect(final).toMatchObject({ status: 'COMPLETED', error: null, version: events.at(-1)?.version });
    expect(final?.result?.currency).toBe('KRW');
    expect(final?.startedAt).not.toBeNull();
    expect(final?.finishedAt).toBeGreaterThanOrEqual(final?.startedAt ?? Infinity);
    expect(service.queuePosition(created.id)).toBeNull();
  });

  it('returns from create at once, whatever the pool is busy with', async () => {
    service = threadedService();
    await service.create('acme', { input: rawInput('spin:1000') });
    const started = performance.now();
    const second = await service.create('acme', { input: rawInput('ok') });
    expect(performance.now() - started).toBeLessThan(50);
    expect(second.status).toBe('QUEUED');
  });
});
