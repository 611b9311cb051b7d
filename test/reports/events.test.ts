import { afterEach, describe, expect, it } from 'vitest';
import type { ReportService } from '../../src/reports/index.js';
import { rawInput } from '../fixtures/workers/inputs.js';
import { manualService, readAll, readUntil } from './helpers/service.js';

describe('events(id, since)', () => {
  let service: ReportService;
  afterEach(() => service.close({ graceMs: 0 }));

  it('sends a subscriber who comes after completion the outcome at once, then ends', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    (await built.pool.nextTask()).complete();
    await readAll(await service.events('acme', report.id));

    const late = await readAll(await service.events('acme', report.id));
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ type: 'SNAPSHOT', version: 3, report: { status: 'COMPLETED' } });
  });

  it('sends nothing the client already has: no snapshot when since is current, only later versions', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    const task = await built.pool.nextTask();
    const current = await service.get('acme', report.id);
    expect(current?.version).toBe(2); // QUEUED, STARTED

    const stream = await service.events('acme', report.id, 2);
    task.progress('simulation', 50);
    task.complete();
    const events = await readAll(stream);
    expect(events.map((event) => [event.type, event.version])).toEqual([
      ['PROGRESS', 3],
      ['COMPLETED', 4],
    ]);

    // An older `since` gets the current state as a snapshot, not a replay of what it missed.
    expect((await readAll(await service.events('acme', report.id, 1))).map((event) => event.type)).toEqual(['SNAPSHOT']);
    // Already at the terminal version: the stream ends with nothing.
    expect(await readAll(await service.events('acme', report.id, 4))).toEqual([]);
  });

  it('rejects NOT_FOUND for an unknown report and for another tenant’s, leaving no listener', async () => {
    service = manualService().service;
    const report = await service.create('acme', { input: rawInput() });
    await expect(service.events('acme', 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.events('globex', report.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(service.listenerCount()).toBe(0);
  });

  it('gives 200 subscribers of one report the same final event', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    const task = await built.pool.nextTask();
    const streams = await Promise.all(Array.from({ length: 200 }, () => service.events('acme', report.id)));
    expect(service.listenerCount()).toBe(200);

    const finals = Promise.all(streams.map(async (stream) => (await readAll(stream)).at(-1)));
    task.complete();
    const last = await finals;
    expect(new Set(last.map((event) => `${event?.type}@${event?.version}`))).toEqual(new Set(['COMPLETED@3']));
    expect(service.listenerCount()).toBe(0);
  });

  it('releases every listener when subscribers disconnect mid-stream, even while waiting', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    await built.pool.nextTask();
    const streams = await Promise.all(Array.from({ length: 20 }, () => service.events('acme', report.id)));
    const feeds = Array.from({ length: 5 }, () => service.feed('acme'));
    expect(service.listenerCount()).toBe(25);

    await Promise.all(streams.map((stream) => readUntil(stream, (event) => event.type === 'SNAPSHOT')));
    // A next() is pending on each stream when the client goes away.
    const pending = [...streams, ...feeds].map((stream) => stream.next());
    await Promise.all([...streams, ...feeds].map((stream) => stream.return?.()));
    expect(service.listenerCount()).toBe(0);
    expect((await Promise.all(pending)).every((result) => result.done)).toBe(true);
  });

  it('loses no event between subscribing and reading the snapshot', async () => {
    const built = manualService();
    service = built.service;
    const report = await service.create('acme', { input: rawInput() });
    const task = await built.pool.nextTask();
    // Progress committed while events() is still reading the snapshot.
    const opening = service.events('acme', report.id);
    task.progress('simulation', 10);
    const stream = await opening;
    task.complete();
    const events = await readAll(stream);
    const versions = events.map((event) => event.version);
    expect(events[0]?.type).toBe('SNAPSHOT');
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(events.at(-1)).toMatchObject({ type: 'COMPLETED', version: 4 });
  });
});
