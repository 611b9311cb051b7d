/**
 * The dashboard's connection to the service, typed by the generated documents of
 * schema/operations/*.graphql: queries and mutations over fetch, subscriptions over graphql-ws.
 *
 * The WebSocket reconnects by itself, forever, with a capped backoff: after a server restart or a
 * network drop the subscriptions resume, and `onReconnect` listeners catch up on what they missed.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';

export const GRAPHQL_PATH = '/graphql';
const KEY_STORAGE = 'climate-risk:api-key';

/** Backoff between reconnection attempts: 0.25 s doubling to 4 s, with jitter so tabs do not stampede. */
const RETRY_BASE_MS = 250;
const RETRY_MAX_MS = 4_000;
/** A ping keeps idle proxies from closing the socket... */
const KEEP_ALIVE_MS = 10_000;
/** ...and a ping without a pong this long means the network dropped without closing the socket. */
const PONG_TIMEOUT_MS = 5_000;

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error the API answered with, or a failure to reach it (`code` NETWORK). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; issues?: unknown };
}

function issuesOf(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const { path, message } = (item ?? {}) as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/** The first GraphQL error of a response or a subscription error, as an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const first = (Array.isArray(error) ? error[0] : error) as GraphQLErrorLike | undefined;
  if (first && typeof first.message === 'string') {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
    return new ApiError(first.message, code, issuesOf(first.extensions?.issues));
  }
  // A CloseEvent or anything else: the connection, not the request, failed.
  const reason = (error as { reason?: unknown } | null)?.reason;
  return new ApiError(typeof reason === 'string' && reason ? reason : 'The connection to the server failed', 'NETWORK');
}

export interface Sink<T> {
  next(value: T): void;
  error?(error: ApiError): void;
  complete?(): void;
}

const printed = new WeakMap<object, string>();
function queryOf(document: TypedDocumentNode<unknown, never>): string {
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  return query;
}

export class Api {
  readonly #httpUrl: string;
  readonly #client: Client;
  readonly #apiKey: string | null;
  #state: ConnectionState = 'connecting';
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();
  readonly #reconnectListeners = new Set<() => void>();

  constructor(origin: string = window.location.origin) {
    this.#httpUrl = `${origin}${GRAPHQL_PATH}`;
    this.#apiKey = readStoredKey();
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    // terminate() closes at once (code 4499) and the client retries: the way out of a half-open socket.
    const terminate = (): void => this.#client.terminate();
    this.#client = createClient({
      url: `${origin.replace(/^http/, 'ws')}${GRAPHQL_PATH}`,
      connectionParams: () => (this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {}),
      retryAttempts: Number.POSITIVE_INFINITY,
      // Every failure to connect is worth another try: the server may be restarting.
      shouldRetry: () => true,
      retryWait: (retries) => {
        const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** retries) + Math.random() * RETRY_BASE_MS;
        return new Promise((resolve) => setTimeout(resolve, delay));
      },
      keepAlive: KEEP_ALIVE_MS,
      // Connected from the start and kept open even when no subscription runs (one that failed, say):
      // the connection badge then shows the socket as it is.
      lazy: false,
      onNonLazyError: () => undefined, // never fatal: retries go on forever
      on: {
        connecting: (isRetry) => this.#setState(isRetry ? 'reconnecting' : this.#state === 'live' ? 'reconnecting' : 'connecting'),
        connected: (_socket, _payload, wasRetry) => {
          this.#setState('live');
          if (wasRetry) for (const listener of this.#reconnectListeners) listener();
        },
        closed: () => {
          clearTimeout(pongTimer);
          if (this.#state === 'live') this.#setState('reconnecting');
        },
        ping: (received) => {
          if (!received) pongTimer = setTimeout(terminate, PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
      },
    });
    // The browser knows first when the network goes: no need to wait for a ping to go unanswered.
    window.addEventListener('offline', terminate);
  }

  get apiKey(): string | null {
    return this.#apiKey;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Headers of plain HTTP requests (documents, GraphQL over fetch). */
  authHeaders(): Record<string, string> {
    return this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {};
  }

  async request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData> {
    let response: Response;
    try {
      response = await fetch(this.#httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.authHeaders() },
        body: JSON.stringify({ query: queryOf(document as TypedDocumentNode<unknown, never>), variables }),
      });
    } catch {
      throw new ApiError('The server cannot be reached', 'NETWORK');
    }
    let body: { data?: TData | null; errors?: unknown[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new ApiError(`The server answered ${response.status} without a GraphQL response`, 'NETWORK');
    }
    if (body.errors && body.errors.length > 0) throw toApiError(body.errors);
    if (body.data === undefined || body.data === null) throw new ApiError('The server answered without data', 'ERROR');
    return body.data;
  }

  /** Starts a subscription; the returned function stops it. */
  subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, sink: Sink<TData>): () => void {
    return this.#client.subscribe<TData>(
      { query: queryOf(document as TypedDocumentNode<unknown, never>), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors && result.errors.length > 0) sink.error?.(toApiError(result.errors));
          else if (result.data) sink.next(result.data);
        },
        error: (error) => sink.error?.(toApiError(error)),
        complete: () => sink.complete?.(),
      },
    );
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    listener(this.#state);
    return () => this.#stateListeners.delete(listener);
  }

  /** Called after the WebSocket came back: the time to fetch what happened meanwhile. */
  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }
}

function readStoredKey(): string | null {
  try {
    return window.localStorage.getItem(KEY_STORAGE) || null;
  } catch {
    return null; // storage disabled: no key
  }
}

/** Stores the key (or forgets it); the page reloads so every connection uses it. */
export function storeApiKey(key: string | null): void {
  try {
    if (key) window.localStorage.setItem(KEY_STORAGE, key);
    else window.localStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage disabled: the key lasts until the reload only, which is all we can do
  }
}
