/**
 * Graceful shutdown as main.ts runs it: stop accepting, let the service interrupt its reports (the
 * subscribers hear it), then close what is still open.
 */
import { describe, expect, it } from 'vitest';
import {
  CreateReportDocument,
  ReportEventsDocument,
  ReportFeedDocument,
} from '../../src/clients/generated/graphql.js';
import type {
  ReportEventsSubscription,
  ReportEventsSubscriptionVariables,
  ReportFeedSubscription,
  ReportFeedSubscriptionVariables,
} from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { Recorder } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import { threadedService } from '../helpers/services.js';

type Events = Recorder<ReportEventsSubscription, ReportEventsSubscriptionVariables>;

describe('graceful shutdown', () => {
  it('tells subscribers their running report was INTERRUPTED, completes them, then closes every connection', async () => {
    const server = await startTestServer(threadedService({ workers: 1 }));
    try {
      const report = dataOf(await execute(server.http, CreateReportDocument, { input: reportInput('spin:30000') })).createReport;
      const overWs: Events = new Recorder(server.ws(), ReportEventsDocument, { id: report.id });
      const overSse: Events = new Recorder(server.sse(), ReportEventsDocument, { id: report.id });
      const isRunning = (r: Events) => r.data.some((event) => event.reportEvents.report.status === 'RUNNING');
      await Promise.all([overWs.until(isRunning, 'RUNNING'), overSse.until(isRunning, 'RUNNING')]);
      // A feed never completes by itself: only closing the connection ends it.
      const feed = new Recorder<ReportFeedSubscription, ReportFeedSubscriptionVariables>(server.ws(), ReportFeedDocument, {});

      server.app.stopAccepting();
      await server.service.close({ graceMs: 0 });
      for (const recorder of [overWs, overSse]) {
        expect(await recorder.ended()).toEqual({ kind: 'complete' });
        expect(recorder.data.at(-1)?.reportEvents).toMatchObject({
          type: 'CANCELLED',
          report: { status: 'CANCELLED', error: { code: 'INTERRUPTED' } },
        });
      }

      await server.app.stop();
      const feedOutcome = await feed.ended();
      expect(feedOutcome.kind).toBe('error');
      await expect(fetch(server.url.replace('/graphql', '/healthz'))).rejects.toThrow();
    } finally {
      await server.dispose();
    }
  });
});
