/** An unexpected failure reaches a client as INTERNAL over every transport, with nothing of its details. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportEventsDocument, ReportDocument } from '../../src/clients/generated/graphql.js';
import type { ReportEventsSubscription, ReportEventsSubscriptionVariables } from '../../src/clients/generated/graphql.js';
import { INTERNAL_MESSAGE } from '../../src/graphql/errors.js';
import { execute } from '../helpers/graphql.js';
import { Recorder } from '../helpers/recorder.js';
import type { SubscribingClient } from '../helpers/recorder.js';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';

const SECRET = 'redis://:s3cr3t@cache.internal';

const SUBSCRIBING_TRANSPORTS = [
  { transport: 'graphql-ws', client: (s: TestServer): SubscribingClient => s.ws() },
  { transport: 'SSE', client: (s: TestServer): SubscribingClient => s.sse() },
];

/** Follows report r1 to its end: what arrives says INTERNAL, and nothing of the failure. */
async function expectMaskedSubscription(client: SubscribingClient): Promise<void> {
  const recorder = new Recorder<ReportEventsSubscription, ReportEventsSubscriptionVariables>(client, ReportEventsDocument, { id: 'r1' });
  await recorder.ended();
  const delivered = JSON.stringify({ results: recorder.results, outcome: recorder.outcome });
  expect(delivered).toContain('"code":"INTERNAL"');
  expect(delivered).toContain(INTERNAL_MESSAGE);
  expect(delivered).not.toContain('s3cr3t');
  expect(delivered).not.toContain('stack');
}

describe('masked errors while a subscription runs', () => {
  let server: TestServer;
  beforeAll(async () => {
    const { service } = manualService();
    // A stream whose event fails to resolve: a bug would look like this (the getter stands for it).
    async function* failingEvents(): AsyncGenerator<unknown> {
      yield {
        type: 'SNAPSHOT',
        version: 1,
        at: new Date(0).toISOString(),
        get report(): never {
          throw new Error(`lost ${SECRET}`);
        },
      };
    }
    vi.spyOn(service, 'events').mockImplementation(async () => failingEvents() as never);
    server = await startTestServer(service);
  });
  afterAll(() => server.dispose());

  it.each(SUBSCRIBING_TRANSPORTS)('over $transport', ({ client }) => expectMaskedSubscription(client(server)));
});

describe('masked errors on a running server', () => {
  let server: TestServer;
  beforeAll(async () => {
    const { service } = manualService();
    vi.spyOn(service, 'get').mockRejectedValue(new Error(`lost ${SECRET}`));
    vi.spyOn(service, 'events').mockRejectedValue(new Error(`lost ${SECRET}`));
    server = await startTestServer(service);
  });
  afterAll(() => server.dispose());

  it('over HTTP', async () => {
    const result = await execute(server.http, ReportDocument, { id: 'r1' });
    expect(result.errors).toEqual([expect.objectContaining({ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL' } })]);
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it.each(SUBSCRIBING_TRANSPORTS)('over $transport', ({ client }) => expectMaskedSubscription(client(server)));
});
