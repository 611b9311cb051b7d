/**
 * Our graphql-ws transport's own policies, over real sockets: the heartbeat drops a connection that no
 * longer answers pings and keeps one that does, and a client that stops reading is dropped (with its
 * subscription) once too many bytes wait for it, instead of being buffered for without bound.
 */
import { once } from 'node:events';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL, MessageType } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../helpers/server.js';
import type { TestServer } from '../helpers/server.js';
import { manualService } from '../helpers/services.js';

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
    server = await startTestServer(manualService().service, { webSocket: { heartbeatMs: 40 } });
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

  it('drops a client that does not read its messages, and releases its subscription', async () => {
    const { service } = manualService({ maxQueue: 100_000 });
    server = await startTestServer(service, { webSocket: { maxUnsentBytes: 64 * 1024 } });
    const slow = await connect(server.wsUrl);
    slow.send(JSON.stringify({ id: 'feed', type: MessageType.Subscribe, payload: { query: FEED } }));
    await vi.waitFor(() => expect(service.listenerCount()).toBe(1), { timeout: 5_000, interval: 10 });
    slow.pause();

    // Each QUEUED event is a frame of ~400 bytes for the feed: far more than the socket buffers hold.
    const input = { location: { latitude: 37.5, longitude: 127 }, asset: { value: 1_000_000 } };
    for (let i = 0; i < 20_000 && service.listenerCount() > 0; i += 1) await service.create('public', { input });

    expect(service.listenerCount()).toBe(0);
    const closed = once(slow, 'close');
    slow.resume();
    const [code] = (await closed) as [number];
    expect(code).toBe(1006);
  });
});
