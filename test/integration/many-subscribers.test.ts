/** Many clients on one report: every one hears the same final event, and none leaves a listener behind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelReportDocument, CreateReportDocument, ReportEventsDocument } from '../../src/clients/generated/graphql.js';
import type { ReportEventsSubscription, ReportEventsSubscriptionVariables } from '../../src/clients/generated/graphql.js';
import { dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { Recorder } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { threadedService } from '../helpers/services.js';

const SUBSCRIBERS = 200;
const CONNECTIONS = 4;

describe('200 subscribers on one report', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(threadedService({ workers: 1 }));
  });
  afterAll(() => server.dispose());

  it('all get the same final event and complete; their listeners are released', async () => {
    const create = async (script: string) =>
      dataOf(await execute(server.http, CreateReportDocument, { input: reportInput(script) })).createReport;
    const blocker = await create('spin:30000');
    const report = await create('spin:200');

    const clients = Array.from({ length: CONNECTIONS }, () => server.ws());
    const subscribers = Array.from(
      { length: SUBSCRIBERS },
      (_, index) =>
        new Recorder<ReportEventsSubscription, ReportEventsSubscriptionVariables>(
          clients[index % CONNECTIONS] ?? server.ws(),
          ReportEventsDocument,
          { id: report.id },
        ),
    );
    await Promise.all(subscribers.map((s) => s.until((r) => r.data.length > 0, 'the snapshot')));
    dataOf(await execute(server.http, CancelReportDocument, { id: blocker.id }));

    const outcomes = await Promise.all(subscribers.map((s) => s.ended()));
    expect(outcomes.every((outcome) => outcome.kind === 'complete')).toBe(true);
    const finals = subscribers.map((s) => s.data.at(-1)?.reportEvents);
    const first = finals[0];
    expect(first).toMatchObject({ type: 'COMPLETED', report: { status: 'COMPLETED' } });
    for (const final of finals) expect(final).toEqual(first);
    expect(server.service.listenerCount()).toBe(0);
  });
});
