import { describe, expect, it } from 'vitest';
import { createReport, applyChange } from '../../src/reports/lifecycle.js';
import { MemoryEventBus } from '../../src/reports/memory/event-bus.js';
import type { Report, ReportEvent } from '../../src/reports/report.js';
import { openFeedStream, openReportStream } from '../../src/reports/subscriptions.js';
import { sampleInput } from '../fixtures/workers/inputs.js';
import { readAll, silentLogger } from './helpers/service.js';

function history(): ReportEvent[] {
  const { report, event } = createReport({
    id: 'r1',
    tenant: 'acme',
    input: sampleInput(),
    createdAt: 1_000,
    timeoutMs: 60_000,
    idempotencyKey: null,
  });
  const events = [event];
  let current: Report = report;
  for (const change of [{ kind: 'start' }, { kind: 'progress', progress: { stage: 'simulation', percent: 50 } }, { kind: 'time-out' }] as const) {
    const outcome = applyChange(current, change, 2_000);
    if (!outcome.accepted) throw new Error(outcome.reason);
    events.push(outcome.event);
    current = outcome.report;
  }
  return events; // versions 1..4, the last one terminal
}

describe('openReportStream', () => {
  it('delivers events published while the snapshot is read, after the snapshot, without repeats', async () => {
    const bus = new MemoryEventBus({ logger: silentLogger });
    const [queued, started, progress, timedOut] = history();
    const stream = await openReportStream({
      bus,
      id: 'r1',
      since: null,
      // The store answers with version 2 while versions 2 and 3 are published around the read.
      loadReport: async () => {
        bus.publish(started!);
        await Promise.resolve();
        bus.publish(progress!);
        return started!.report;
      },
      notFound: () => new Error('not found'),
      now: () => 3_000,
    });
    bus.publish(queued!); // stale: dropped
    bus.publish(timedOut!);
    const events = await readAll(stream);
    expect(events.map((event) => [event.type, event.version])).toEqual([
      ['SNAPSHOT', 2],
      ['PROGRESS', 3],
      ['TIMED_OUT', 4],
    ]);
    expect(bus.listenerCount()).toBe(0);
  });

  it('releases its listener when the report is not found', async () => {
    const bus = new MemoryEventBus({ logger: silentLogger });
    const opening = openReportStream({
      bus,
      id: 'r1',
      since: null,
      loadReport: async () => null,
      notFound: () => new Error('not found'),
      now: () => 0,
    });
    await expect(opening).rejects.toThrow('not found');
    expect(bus.listenerCount()).toBe(0);
  });
});

describe('openFeedStream', () => {
  it('passes only events that leave a report in one of the wanted statuses', async () => {
    const bus = new MemoryEventBus({ logger: silentLogger });
    const feed = openFeedStream(bus, 'acme', ['TIMED_OUT']);
    const other = openFeedStream(bus, 'globex', null);
    for (const event of history()) bus.publish(event);
    const first = await feed.next();
    expect(first.value).toMatchObject({ type: 'TIMED_OUT' });
    await feed.return();
    await other.return();
    expect(bus.listenerCount()).toBe(0);
  });
});
