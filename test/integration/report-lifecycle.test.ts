/**
 * A report's whole life, watched over both subscription transports against a real server with worker
 * threads. Ordering is forced, not hoped for: a long "blocker" report holds the only worker until the
 * subscriber has its first event, then the blocker is cancelled and the report under test starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelReportDocument,
  CreateReportDocument,
  ReportEventsDocument,
} from '../../src/clients/generated/graphql.js';
import type { ReportEventsSubscription, ReportEventsSubscriptionVariables } from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { Recorder } from '../helpers/recorder.js';
import type { SubscribingClient } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { threadedService } from '../helpers/services.js';

type Events = Recorder<ReportEventsSubscription, ReportEventsSubscriptionVariables>;

const typesOf = (recorder: Events) => recorder.data.map((event) => event.reportEvents.type);
const lastEvent = (recorder: Events) => recorder.data.at(-1)?.reportEvents;

describe.each([
  { transport: 'graphql-ws', client: (server: TestServer): SubscribingClient => server.ws() },
  { transport: 'SSE', client: (server: TestServer): SubscribingClient => server.sse() },
])('a report followed over $transport', ({ client }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(threadedService({ workers: 1 }));
  });
  afterAll(() => server.dispose());

  const create = async (script: string) =>
    dataOf(await execute(server.http, CreateReportDocument, { input: reportInput(script) })).createReport;
  const subscribe = (variables: ReportEventsSubscriptionVariables): Events =>
    new Recorder(client(server), ReportEventsDocument, variables);

  let completedId = '';
  let completedVersion = 0;

  it('goes QUEUED at once → STARTED → PROGRESS → COMPLETED with its result, then completes', async () => {
    const blocker = await create('spin:30000');
    const report = await create('spin:300');
    expect(report).toMatchObject({ status: 'QUEUED', version: 1, queuePosition: 1 });

    const events = subscribe({ id: report.id });
    await events.until((r) => r.data.length > 0, 'the snapshot');
    expect(events.data[0]?.reportEvents).toMatchObject({ type: 'SNAPSHOT', version: 1, report: { status: 'QUEUED' } });

    dataOf(await execute(server.http, CancelReportDocument, { id: blocker.id }));
    expect(await events.ended()).toEqual({ kind: 'complete' });

    const types = typesOf(events);
    expect(types[1]).toBe('STARTED');
    expect(types).toContain('PROGRESS');
    expect(types.at(-1)).toBe('COMPLETED');
    expect(types.indexOf('PROGRESS')).toBeGreaterThan(types.indexOf('STARTED'));
    const versions = events.data.map((event) => event.reportEvents.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const final = lastEvent(events);
    expect(final?.report).toMatchObject({ status: 'COMPLETED', error: null });
    expect(final?.report.result).toMatchObject({ currency: 'KRW', assetValue: 1_000_000_000, methodologyVersion: 'test' });
    expect(Date.parse(final?.at ?? '')).not.toBeNaN();
    completedId = report.id;
    completedVersion = final?.version ?? 0;
  });

  it('sends a late subscriber one SNAPSHOT of the COMPLETED report, then completes', async () => {
    const events = subscribe({ id: completedId });
    expect(await events.ended()).toEqual({ kind: 'complete' });
    expect(typesOf(events)).toEqual(['SNAPSHOT']);
    expect(lastEvent(events)).toMatchObject({ version: completedVersion, report: { status: 'COMPLETED' } });
    expect(lastEvent(events)?.report.result?.currency).toBe('KRW');
  });

  it('honours `since`: nothing for a client that has the final version, the snapshot for one behind it', async () => {
    const upToDate = subscribe({ id: completedId, since: completedVersion });
    expect(await upToDate.ended()).toEqual({ kind: 'complete' });
    expect(upToDate.results).toEqual([]);

    const behind = subscribe({ id: completedId, since: completedVersion - 1 });
    expect(await behind.ended()).toEqual({ kind: 'complete' });
    expect(typesOf(behind)).toEqual(['SNAPSHOT']);
  });

  it('fails a subscription to an unknown report with NOT_FOUND', async () => {
    const events = subscribe({ id: 'no-such-report' });
    const outcome = await events.ended();
    // graphql-ws and SSE both deliver the failed subscription as one result with errors, then complete.
    expect(outcome).toEqual({ kind: 'complete' });
    expect(events.results).toHaveLength(1);
    expect(events.results[0]?.errors?.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
  });
});
