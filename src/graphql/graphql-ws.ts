/**
 * graphql-ws on the yoga handler: every operation over a WebSocket is parsed, validated and given its
 * context by yoga's envelop (the same auth and error masking as HTTP), so the transports differ only in
 * framing. Queries and mutations execute through envelop too. Subscriptions run on graphql-js's own
 * `subscribe`: envelop and the graphql-tools executor wrap every event stream in several more async
 * iterators, which cost ~3 KB of heap per open subscription (bench/RESULTS.md, "Subscribers"); their
 * errors are masked here as yoga masks them.
 *
 * The WebSocket side is ours rather than graphql-ws's `useServer` (its `makeServer` is meant for that),
 * for what the bench measured with thousands of subscribers:
 *   - frames are written without waiting for each write to finish, and the frames one tick produces for a
 *     connection (a final `next`, then `complete`) leave in one write: half the syscalls of a burst;
 *   - one heartbeat timer for all connections (pinging a slice of them per tick) instead of two timers
 *     per connection, and the upgrade request is not kept for the connection's lifetime (nothing here
 *     reads its headers later);
 *   - a client that stops reading is dropped once a few megabytes wait for it, instead of being buffered
 *     for without bound now that writes are not awaited.
 */
import type { Socket } from 'node:net';
import { subscribe as subscribeWithGraphQL } from 'graphql';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import { createMaskError } from './errors.js';
import type { GraphQLHandler } from './yoga.js';

type Enveloped = ReturnType<GraphQLHandler['getEnveloped']>;

export interface Disposable {
  dispose(): void | Promise<void>;
}

export interface GraphQLOverWebSocketOptions {
  /** Ping period; a connection that has not answered one ping by the next is dropped. @default 12 s */
  heartbeatMs?: number;
  /** Bytes waiting for a client that does not read them, beyond which it is disconnected. @default 4 MiB */
  maxUnsentBytes?: number;
}

/** The graphql-ws payload's `extensions.headers`: where GraphiQL puts its header editor's content. */
function headersOf(extensions: Readonly<Record<string, unknown>> | null | undefined): Record<string, unknown> {
  const headers = extensions?.['headers'];
  return typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>) : {};
}

/** After a dispose has asked every client to close, how long one may take before it is cut off. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Holds the socket's writes until the current tick's work is done, so they leave in one syscall.
 * Returns false when the socket is already held for this tick.
 */
function corkForThisTick(socket: Socket): boolean {
  if (socket.writableCorked > 0) return false;
  socket.cork();
  process.nextTick(() => socket.uncork());
  return true;
}

/**
 * Pings every connection once per period and drops one that has not answered the previous ping. One
 * timer for all of them, but each tick pings only one slice of the connections: pinging 10,000 at
 * once is a write each, tens of milliseconds in which the event loop answers nothing.
 */
class Heartbeat {
  readonly #slices: Set<WebSocket>[];
  readonly #answered = new WeakSet<WebSocket>();
  readonly #timer: NodeJS.Timeout;
  #joined = 0;
  #turn = 0;

  constructor(periodMs: number) {
    // A tick every 50 ms (at 10,000 connections, ~40 pings: well under a millisecond).
    const count = Math.max(1, Math.min(240, Math.floor(periodMs / 50)));
    this.#slices = Array.from({ length: count }, () => new Set<WebSocket>());
    this.#timer = setInterval(() => this.#tick(), periodMs / count);
    this.#timer.unref();
  }

  watch(socket: WebSocket): void {
    const slice = this.#slices[this.#joined++ % this.#slices.length]!;
    slice.add(socket);
    this.#answered.add(socket);
    socket.on('pong', () => this.#answered.add(socket));
    socket.once('close', () => slice.delete(socket));
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #tick(): void {
    const slice = this.#slices[this.#turn++ % this.#slices.length]!;
    for (const socket of slice) {
      if (this.#answered.delete(socket)) socket.ping();
      else socket.terminate();
    }
  }
}

export function serveGraphQLOverWebSocket(
  wss: WebSocketServer,
  yoga: GraphQLHandler,
  logger: Logger,
  { heartbeatMs = 12_000, maxUnsentBytes = 4 * 1024 * 1024 }: GraphQLOverWebSocketOptions = {},
): Disposable {
  const maskError = createMaskError(logger);
  // graphql-ws hands the args returned by onSubscribe back to execute: remember which enveloped
  // functions belong to them.
  const envelopedOf = new WeakMap<ExecutionArgs, Enveloped>();
  const envelopedFor = (args: ExecutionArgs): Enveloped => {
    const enveloped = envelopedOf.get(args);
    if (!enveloped) throw new Error('graphql-ws operation without its envelop');
    return enveloped;
  };

  const mask = (errors: readonly GraphQLError[]) => errors.map((error) => (maskError(error, 'Unexpected error') as GraphQLError).toJSON());
  // Operations that bypass envelop's execution, whose results are masked in onNext.
  const subscriptions = new WeakSet<ExecutionArgs>();

  const server = makeServer<Record<string, unknown> | undefined, { socket: WebSocket }>({
    execute: (args) => envelopedFor(args).execute(args),
    subscribe: (args) => {
      subscriptions.add(args);
      return subscribeWithGraphQL(args);
    },
    onNext: (_ctx, _id, _payload, args, result) =>
      subscriptions.has(args) && result.errors ? { ...result, errors: mask(result.errors) } : undefined,
    onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
      // Credentials from the connection, or (GraphiQL) from the operation's headers.
      const connectionParams = { ...headersOf(payload.extensions), ...ctx.connectionParams };
      const enveloped = yoga.getEnveloped({ connectionParams, params: payload });
      try {
        const document = enveloped.parse(payload.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
        };
        envelopedOf.set(args, enveloped);
        return args;
      } catch (error) {
        // Syntax errors and UNAUTHENTICATED pass through unchanged; anything else is masked.
        return [maskError(error, 'Unexpected error') as GraphQLError];
      }
    },
    // Errors graphql-ws raises itself (e.g. a stream that throws) would otherwise reach the client raw.
    onError: (_ctx, _id, _payload, errors) => mask(errors),
  });

  wss.options.handleProtocols = handleProtocols;
  // The WebSocket server re-emits its HTTP server's errors (a port in use: the app reports that one).
  wss.on('error', (error) => logger.debug({ err: error }, 'WebSocket server error'));
  const heartbeat = new Heartbeat(heartbeatMs);

  wss.on('connection', (socket, request) => {
    const transport = request.socket;
    heartbeat.watch(socket);
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'WebSocket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return;
          // Judged on the tick's first frame, so only what the client left unread counts, not what this
          // tick produces (a large result, or a burst of events at shutdown).
          const unread = socket.bufferedAmount;
          if (corkForThisTick(transport) && unread > maxUnsentBytes) {
            // Not a close handshake: its frame would wait behind everything the client is not reading.
            logger.warn({ unsentBytes: unread }, 'WebSocket client too slow to read its messages: disconnected');
            socket.terminate();
            return;
          }
          socket.send(data);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(String(data)).catch((error: unknown) => {
              logger.error({ err: error }, 'handling a graphql-ws message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket },
    );
    socket.once('close', (code, reason) => {
      closed(code, String(reason)).catch((error: unknown) => logger.error({ err: error }, 'ending the subscriptions of a closed WebSocket failed'));
    });
  });

  return {
    dispose: async () => {
      heartbeat.stop();
      for (const socket of wss.clients) socket.close(1001, 'Going away');
      // The server closes once every client has; a client that does not read would keep its close frame
      // waiting behind its backlog for ws's 30 s close timeout.
      const cutOff = setTimeout(() => {
        for (const socket of wss.clients) socket.terminate();
      }, CLOSE_GRACE_MS);
      wss.removeAllListeners('connection');
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
      clearTimeout(cutOff);
    },
  };
}
