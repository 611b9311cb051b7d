/**
 * A lean graphql-ws (graphql-transport-ws) client over `ws`: thousands of subscriptions cost the harness
 * little, and every `next` frame is timestamped (process.hrtime, CLOCK_MONOTONIC, comparable with the
 * server's clock) the moment it arrives, before parsing.
 */
import WebSocket from 'ws';

export interface SubscriptionHandlers {
  next(payload: { data?: Record<string, unknown> | null; errors?: unknown[] }, receivedNs: bigint): void;
  complete?(): void;
  error?(errors: unknown): void;
}

interface ServerMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

export class WsConnection {
  readonly #socket: WebSocket;
  readonly #handlers = new Map<string, SubscriptionHandlers>();
  #pongs: (() => void)[] = [];
  #nextId = 1;
  #closed = false;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data: WebSocket.RawData) => {
      const receivedNs = process.hrtime.bigint();
      const message = JSON.parse(data.toString()) as ServerMessage;
      this.#onMessage(message, receivedNs);
    });
    socket.on('close', () => {
      this.#closed = true;
      for (const handlers of this.#handlers.values()) handlers.error?.(new Error('connection closed'));
      this.#handlers.clear();
    });
  }

  /** Opens a connection and resolves after `connection_ack`. */
  static open(url: string, connectionParams: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<WsConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false });
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`graphql-ws connection to ${url} not acknowledged within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
      socket.once('message', (data: WebSocket.RawData) => {
        clearTimeout(timer);
        const message = JSON.parse(data.toString()) as ServerMessage;
        if (message.type !== 'connection_ack') {
          socket.terminate();
          reject(new Error(`expected connection_ack, got ${message.type}`));
          return;
        }
        socket.removeAllListeners('error');
        socket.on('error', () => undefined);
        resolve(new WsConnection(socket));
      });
    });
  }

  get open(): boolean {
    return !this.#closed;
  }

  /** Starts a subscription and returns its id. */
  subscribe(query: string, variables: Record<string, unknown>, handlers: SubscriptionHandlers): string {
    const id = String(this.#nextId++);
    this.#handlers.set(id, handlers);
    this.#socket.send(JSON.stringify({ type: 'subscribe', id, payload: { query, variables } }));
    return id;
  }

  /** A ping/pong round trip: every message sent before it has been read by the server. */
  ping(): Promise<void> {
    return new Promise((resolve) => {
      this.#pongs.push(resolve);
      this.#socket.send(JSON.stringify({ type: 'ping' }));
    });
  }

  unsubscribe(id: string): void {
    if (!this.#handlers.delete(id) || this.#closed) return;
    this.#socket.send(JSON.stringify({ type: 'complete', id }));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.terminate();
  }

  #onMessage(message: ServerMessage, receivedNs: bigint): void {
    if (message.type === 'ping') {
      this.#socket.send(JSON.stringify({ type: 'pong' }));
      return;
    }
    if (message.type === 'pong') {
      this.#pongs.shift()?.();
      return;
    }
    const handlers = message.id === undefined ? undefined : this.#handlers.get(message.id);
    if (!handlers || message.id === undefined) return;
    if (message.type === 'next') handlers.next(message.payload as Parameters<SubscriptionHandlers['next']>[0], receivedNs);
    else if (message.type === 'error') {
      this.#handlers.delete(message.id);
      handlers.error?.(message.payload);
    } else if (message.type === 'complete') {
      this.#handlers.delete(message.id);
      handlers.complete?.();
    }
  }
}

/** Opens `count` connections, at most `parallel` handshakes at a time (the listen backlog is finite). */
export async function openConnections(
  url: string,
  count: number,
  options: { parallel?: number; connectionParams?: Record<string, unknown> } = {},
): Promise<WsConnection[]> {
  const connections: WsConnection[] = [];
  const parallel = options.parallel ?? 64;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      connections.push(await WsConnection.open(url, options.connectionParams));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  } catch (error) {
    for (const connection of connections) connection.close();
    throw error;
  }
  return connections;
}
