/** reportFeed: every event of the caller's reports, over both transports, filtered by status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateReportDocument, ReportFeedDocument } from '../../src/clients/generated/graphql.js';
import type { ReportFeedSubscription, ReportFeedSubscriptionVariables } from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { eventually, Recorder } from '../helpers/recorder.js';
import type { SubscribingClient } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';
import type { ManualPool } from '../reports/helpers/manual-pool.js';

describe.each([
  { transport: 'graphql-ws', client: (server: TestServer): SubscribingClient => server.ws() },
  { transport: 'SSE', client: (server: TestServer): SubscribingClient => server.sse() },
])('the report feed over $transport', ({ client }) => {
  let server: TestServer;
  let pool: ManualPool;
  beforeAll(async () => {
    const built = manualService();
    pool = built.pool;
    server = await startTestServer(built.service);
  });
  afterAll(() => server.dispose());

  /** Subscribes and waits until the service holds the feed's listener, so no event can be missed. */
  async function feed(variables: ReportFeedSubscriptionVariables) {
    const before = server.service.listenerCount();
    const recorder = new Recorder<ReportFeedSubscription, ReportFeedSubscriptionVariables>(client(server), ReportFeedDocument, variables);
    await eventually(() => server.service.listenerCount() > before, 'the feed to be listening');
    return recorder;
  }

  it('delivers every event of the caller’s reports, and with `status` only those', async () => {
    const everything = await feed({});
    const completedOnly = await feed({ status: ['COMPLETED'] });

    const report = dataOf(await execute(server.http, CreateReportDocument, { input: reportInput() })).createReport;
    const task = await pool.nextTask();
    task.complete();

    await everything.until((r) => r.data.some((e) => e.reportFeed.type === 'COMPLETED'), 'COMPLETED in the feed');
    await completedOnly.until((r) => r.data.length > 0, 'COMPLETED in the filtered feed');
    expect(everything.data.map((e) => e.reportFeed.type)).toEqual(['QUEUED', 'STARTED', 'COMPLETED']);
    expect(everything.data.every((e) => e.reportFeed.report.id === report.id)).toBe(true);
    expect(completedOnly.data.map((e) => e.reportFeed.type)).toEqual(['COMPLETED']);
    expect(everything.outcome).toBeNull(); // a feed stays open

    everything.unsubscribe();
    completedOnly.unsubscribe();
    await eventually(() => server.service.listenerCount() === 0, 'the feeds to release their listeners');
  });
});
