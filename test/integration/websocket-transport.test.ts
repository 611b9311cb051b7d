/**
 * Our graphql-ws transport's own policies, over real sockets: the heartbeat drops a connection that no
 * longer answers pings and keeps one that does; a client that stops reading is dropped (with its
 * subscription) once too many bytes wait for it, while one that reads the same stream is kept; and
 * shutting down does not wait on a client that does not read.
 */
import { once } from 'node:events';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL, MessageType } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';
import type { ReportService } from '../../src/reports/index.js';

/** A raw graphql-ws client: connection_init, then resolves once acknowledged. */
async function connect(url: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, GRAPHQL_TRANSPORT_WS_PROTOCOL, options);
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: MessageType.ConnectionInit }));
  const [data] = (await once(socket, 'message')) as [Buffer];
  expect(JSON.parse(data.toString())).toMatchObject({ type: MessageType.ConnectionAck });
  return socket;
}

const FEED = 'subscription { reportFeed { type version at report { id status version createdAt deadline queuePosition progress { stage percent } input { location { latitude longitude } } } } }';

describe('the WebSocket transport', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  it('drops a connection that stops answering pings and keeps one that answers', async () => {
    server = await startTestServer(manualService().service, { webSocket: { heartbeatMs: 300 } });
    const answering = await connect(server.wsUrl);
    const silent = await connect(server.wsUrl, { autoPong: false });
    let pings = 0;
    answering.on('ping', () => (pings += 1));

    const [code] = (await once(silent, 'close')) as [number];
    expect(code).toBe(1006); // terminated, no close handshake
    await vi.waitFor(() => expect(pings).toBeGreaterThanOrEqual(3), { timeout: 5_000, interval: 20 });
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });

  /** Creates reports (one feed event each, ~400 bytes per subscriber) until `enough` says stop. */
  async function flood(service: ReportService, enough: (created: number) => boolean): Promise<number> {
    const input = { location: { latitude: 37.5, longitude: 127 }, asset: { value: 1_000_000 } };
    let created = 0;
    while (!enough(created) && created < 20_000) {
      await service.create('public', { input });
      created += 1;
      // Let I/O run now and then, as it would between requests: frames leave, unread ones pile up.
      if (created % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return created;
  }

  it('drops a client that does not read its messages, releasing its subscription, and keeps one that reads', async () => {
    const { service } = manualService({ maxQueue: 100_000 });
    server = await startTestServer(service, { webSocket: { maxUnsentBytes: 64 * 1024 } });
    const reader = await connect(server.wsUrl);
    const slow = await connect(server.wsUrl);
    let received = 0;
    reader.on('message', () => (received += 1));
    for (const socket of [reader, slow]) socket.send(JSON.stringify({ id: 'feed', type: MessageType.Subscribe, payload: { query: FEED } }));
    await vi.waitFor(() => expect(service.listenerCount()).toBe(2), { timeout: 5_000, interval: 10 });
    slow.pause();

    const created = await flood(service, () => service.listenerCount() < 2);
    expect(service.listenerCount()).toBe(1);
    // One event per report created, and the RUNNING of the one the pool took.
    await vi.waitFor(() => expect(received).toBe(created + 1), { timeout: 10_000, interval: 20 });
    expect(reader.readyState).toBe(WebSocket.OPEN);

    const closed = once(slow, 'close');
    slow.resume();
    const [code] = (await closed) as [number];
    expect(code).toBe(1006);
    reader.close();
  });

  it('shuts down at once even when a client does not read its backlog', async () => {
    const { service } = manualService({ maxQueue: 100_000 });
    const started = await startTestServer(service);
    const slow = await connect(started.wsUrl);
    slow.send(JSON.stringify({ id: 'feed', type: MessageType.Subscribe, payload: { query: FEED } }));
    await vi.waitFor(() => expect(service.listenerCount()).toBe(1), { timeout: 5_000, interval: 10 });
    slow.pause();
    // A few megabytes: more than the socket buffers take, so the close frame would wait behind them.
    await flood(service, (created) => created >= 8_000);
    const closed = once(slow, 'close');

    // ws waits 30 s for a close handshake; the test's own 10 s timeout fails first if we did.
    await started.dispose();
    slow.resume();
    await closed;
  }, 10_000);
});
