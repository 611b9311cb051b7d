/**
 * ReportEvent: one change of a report, as the subscriptions deliver it.
 */
import { REPORT_EVENT_TYPES } from '../../reports/report.js';
import type { ReportEvent as ReportEventShape } from '../../reports/report.js';
import { builder } from '../builder.js';
import { toClientError, translated } from '../errors.js';
import { Report, ReportStatus } from './report.js';

export const ReportEventType = builder.enumType('ReportEventType', {
  description:
    'SNAPSHOT is the current state, sent first to a new subscriber; the others name the change. EXPIRED: the report was removed (TTL).',
  values: REPORT_EVENT_TYPES,
});

export const ReportEvent = builder.objectRef<ReportEventShape>('ReportEvent').implement({
  description: 'A change of a report, with the report as it is after the change.',
  fields: (t) => ({
    type: t.expose('type', { type: ReportEventType, description: 'What changed.' }),
    version: t.exposeInt('version', { description: "The report's version after the change (SNAPSHOT: its current version)." }),
    at: t.expose('at', { type: 'DateTime', description: 'When it changed (SNAPSHOT: when it was read).' }),
    report: t.expose('report', { type: Report, description: 'The report after the change.' }),
  }),
});

/** What a subscription stream carries: an event, or (last) the error that ended the stream. */
type StreamItem = { event: ReportEventShape } | { failure: unknown };

/**
 * Adapts a service event stream for graphql-js. An error that ends the stream (a subscriber too slow to
 * keep up, say) becomes a last payload with that error, after which the subscription completes; thrown
 * from the iterator instead, graphql-ws and SSE would end the operation with an unmasked error.
 * A plain iterator, not an async generator: return() must reach the service's stream at once, even
 * while a next() waits, so an unsubscribed client leaves no listener behind.
 */
function deliverable(events: AsyncIterableIterator<ReportEventShape>): AsyncIterableIterator<StreamItem> {
  let ended = false;
  return {
    async next(): Promise<IteratorResult<StreamItem>> {
      if (ended) return { done: true, value: undefined };
      try {
        const result = await events.next();
        return result.done ? { done: true, value: undefined } : { done: false, value: { event: result.value } };
      } catch (failure) {
        ended = true;
        return { done: false, value: { failure: toClientError(failure) } };
      }
    },
    async return(): Promise<IteratorResult<StreamItem>> {
      ended = true;
      await events.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function eventOf(item: StreamItem): ReportEventShape {
  if ('failure' in item) throw item.failure;
  return item.event;
}

builder.subscriptionFields((t) => ({
  reportEvents: t.field({
    type: ReportEvent,
    description:
      'The events of one report: SNAPSHOT (its current state) first, then each change; completes after a final status. ' +
      'With `since` (the last version the client has), only later events: no SNAPSHOT unless the report changed since. ' +
      'Errors: NOT_FOUND.',
    args: {
      id: t.arg.id({ required: true }),
      since: t.arg.int({ description: 'The last version the client has seen.' }),
    },
    // Awaited here, so an unknown id fails the subscription itself (NOT_FOUND) before any event.
    subscribe: async (_root, { id, since }, { service, tenant }) =>
      deliverable(await translated(() => service.events(tenant, String(id), since))),
    resolve: eventOf,
  }),
  reportFeed: t.field({
    type: ReportEvent,
    description:
      "Every event of the caller's reports from now on; with `status`, only events that leave a report in one of those statuses.",
    args: { status: t.arg({ type: [ReportStatus] }) },
    subscribe: (_root, { status }, { service, tenant }) => deliverable(service.feed(tenant, status)),
    resolve: eventOf,
  }),
}));
