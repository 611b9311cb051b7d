/**
 * Subscriptions as clients see them. A report's stream subscribes first, then reads the snapshot, then
 * drops whatever it already covers (version <= snapshot): no event is lost in between, none is repeated.
 */
import type { EventBus } from './event-bus.js';
import { EventStream } from './event-stream.js';
import { isFinalEvent, snapshotEvent } from './lifecycle.js';
import type { Report, ReportEvent, ReportStatus } from './report.js';

export interface ReportStreamOptions {
  bus: EventBus;
  id: string;
  /** The client already has this version: send only later ones (and no snapshot unless newer). */
  since: number | null;
  /** Reads the current state; null (absent or not the caller's) makes the stream fail with `notFound`. */
  loadReport: () => Promise<Report | null>;
  notFound: () => Error;
  now: () => number;
}

/** SNAPSHOT first, then every later event of the report in version order; ends after a final event. */
export async function openReportStream(options: ReportStreamOptions): Promise<EventStream> {
  const stream = new EventStream();
  let lastVersion = options.since ?? 0;
  let held: ReportEvent[] | null = [];
  const deliver = (event: ReportEvent): void => {
    if (event.version <= lastVersion) return;
    lastVersion = event.version;
    stream.push(event);
    if (isFinalEvent(event)) stream.finish();
  };
  stream.onRelease(options.bus.subscribeReport(options.id, (event) => (held ? held.push(event) : deliver(event))));

  let report: Report | null;
  try {
    report = await options.loadReport();
  } catch (error) {
    await stream.return();
    throw error;
  }
  if (!report) {
    await stream.return();
    throw options.notFound();
  }
  deliver(snapshotEvent(report, options.now()));
  // A client whose `since` is the terminal version already knows the end: nothing more will come.
  if (isFinalEvent(snapshotEvent(report, 0))) stream.finish();
  const arrivedMeanwhile = held;
  held = null;
  for (const event of arrivedMeanwhile) deliver(event);
  return stream;
}

/** Every event of the tenant's reports, optionally only those leaving a report in one of `statuses`. */
export function openFeedStream(bus: EventBus, tenant: string, statuses: readonly ReportStatus[] | null): EventStream {
  const wanted = statuses && statuses.length > 0 ? new Set(statuses) : null;
  const stream = new EventStream();
  stream.onRelease(
    bus.subscribeTenant(tenant, (event) => {
      if (!wanted || wanted.has(event.report.status)) stream.push(event);
    }),
  );
  return stream;
}
