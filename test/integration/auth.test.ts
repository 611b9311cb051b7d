/** API keys over every transport: headers for HTTP and SSE, connection parameters for graphql-ws. */
import type { FormattedExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateReportDocument, ReportEventsDocument } from '../../src/clients/generated/graphql.js';
import type { ReportEventsSubscription, ReportEventsSubscriptionVariables } from '../../src/clients/generated/graphql.js';
import { codesOf, dataOf, execute } from '../helpers/graphql.js';
import { reportInput } from '../helpers/inputs.js';
import { Recorder } from '../helpers/recorder.js';
import type { Outcome, SubscribingClient } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';

const ACME = 'acme-key-0001';
const GLOBEX = 'globex-key-0002';

/** The codes of a failed operation, whichever way the transport reports it. */
function failureCodes(recorder: { results: readonly FormattedExecutionResult<unknown, unknown>[] }, outcome: Outcome): unknown[] {
  if (outcome.kind === 'error' && Array.isArray(outcome.error)) {
    return (outcome.error as { extensions?: { code?: unknown } }[]).map((error) => error.extensions?.code);
  }
  return recorder.results.flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.['code']));
}

describe('API keys on a running server', () => {
  let server: TestServer;
  let reportId: string;
  beforeAll(async () => {
    server = await startTestServer(manualService().service, {
      apiKeys: [
        { tenant: 'acme', key: ACME },
        { tenant: 'globex', key: GLOBEX },
      ],
    });
    const created = await execute(server.http, CreateReportDocument, { input: reportInput() }, { authorization: `Bearer ${ACME}` });
    reportId = dataOf(created).createReport.id;
  });
  afterAll(() => server.dispose());

  const events = (client: SubscribingClient) =>
    new Recorder<ReportEventsSubscription, ReportEventsSubscriptionVariables>(client, ReportEventsDocument, { id: reportId });

  it('refuses HTTP without a key: UNAUTHENTICATED', async () => {
    expect(codesOf(await execute(server.http, CreateReportDocument, { input: reportInput() }))).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts a key in the graphql-ws connection parameters', async () => {
    const recorder = events(server.ws({ connectionParams: { authorization: `Bearer ${ACME}` } }));
    await recorder.until((r) => r.data.length > 0, 'the snapshot');
    expect(recorder.data[0]?.reportEvents).toMatchObject({ type: 'SNAPSHOT', report: { id: reportId } });
    recorder.unsubscribe();
  });

  it('accepts the key GraphiQL puts in the operation headers over graphql-ws', async () => {
    const client = server.ws();
    // What GraphiQL sends: its header editor's content as extensions.headers of each operation.
    const graphiqlLike: SubscribingClient = {
      subscribe: (payload, sink) => client.subscribe({ ...payload, extensions: { headers: { 'x-api-key': ACME } } }, sink),
    };
    const recorder = events(graphiqlLike);
    await recorder.until((r) => r.data.length > 0, 'the snapshot');
    expect(recorder.data[0]?.reportEvents.report.id).toBe(reportId);
    recorder.unsubscribe();
  });

  it('refuses graphql-ws without a key or with a wrong one: UNAUTHENTICATED', async () => {
    for (const connectionParams of [{}, { authorization: 'Bearer wrong-key-123' }]) {
      const recorder = events(server.ws({ connectionParams }));
      const outcome = await recorder.ended();
      expect(failureCodes(recorder, outcome)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('hides another tenant’s report from a subscriber: NOT_FOUND', async () => {
    const recorder = events(server.ws({ connectionParams: { authorization: `Bearer ${GLOBEX}` } }));
    const outcome = await recorder.ended();
    expect(failureCodes(recorder, outcome)).toEqual(['NOT_FOUND']);
  });

  it('accepts a key header over SSE and refuses SSE without one', async () => {
    const allowed = events(server.sse({ authorization: `Bearer ${ACME}` }));
    await allowed.until((r) => r.data.length > 0, 'the snapshot');
    allowed.unsubscribe();

    const refused = events(server.sse());
    const outcome = await refused.ended();
    expect(failureCodes(refused, outcome)).toEqual(['UNAUTHENTICATED']);
  });
});
