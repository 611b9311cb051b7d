/**
 * The command line's connection to the service: typed GraphQL over fetch, subscriptions over
 * graphql-ws (Node's `ws` as the WebSocket), and the report documents over plain GET. Every failure
 * becomes a {@link CliError} with the exit code it deserves and a sentence a person can act on.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Connection } from './args.js';
import { FLAG_OF_PATH } from './args.js';
import { CliError, ExitCode } from './exit-codes.js';

/** Reconnection attempts of a subscription before giving up (a server restart takes a few seconds). */
const RETRY_ATTEMPTS = 5;
const RETRY_MAX_MS = 2_000;

interface ErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; issues?: unknown };
}

function describeIssues(issues: unknown): string[] {
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    return [`  ${FLAG_OF_PATH[path] ?? path}: ${message}`];
  });
}

/** A GraphQL error as the CLI's error: bad input is the user's to fix (2), the rest is the server's (3). */
export function fromGraphQLErrors(errors: readonly unknown[]): CliError {
  const first = (errors[0] ?? {}) as ErrorLike;
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'ERROR';
  const message = typeof first.message === 'string' ? first.message : 'unknown error';
  if (code === 'BAD_USER_INPUT') {
    const lines = describeIssues(first.extensions?.issues);
    return new CliError(ExitCode.USAGE, lines.length > 0 ? `The server rejected the input:\n${lines.join('\n')}` : `The server rejected the input: ${message}`);
  }
  if (code === 'UNAUTHENTICATED') return new CliError(ExitCode.SERVER, `${message}. Pass --api-key or set CLIMATE_RISK_API_KEY.`);
  return new CliError(ExitCode.SERVER, `${code}: ${message}`);
}

function unreachable(server: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const why = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
  return new CliError(ExitCode.SERVER, `Cannot reach the server at ${server} (${why}). Is it running? Start it with \`npm start\`, or pass --server.`);
}

export interface Sink<T> {
  next(value: T): void;
  error(error: CliError): void;
  complete(): void;
}

export class ServiceClient {
  readonly server: string;
  readonly #apiKey: string | undefined;
  #ws: Client | undefined;

  constructor({ server, apiKey }: Pick<Connection, 'server' | 'apiKey'>) {
    this.server = server;
    this.#apiKey = apiKey;
  }

  #headers(): Record<string, string> {
    return this.#apiKey ? { authorization: `Bearer ${this.#apiKey}` } : {};
  }

  async request<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData> {
    let response: Response;
    try {
      response = await fetch(`${this.server}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.#headers() },
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch (error) {
      throw unreachable(this.server, error);
    }
    let body: { data?: TData | null; errors?: unknown[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new CliError(ExitCode.SERVER, `${this.server}/graphql answered ${response.status} without a GraphQL response: is --server right?`);
    }
    if (body.errors && body.errors.length > 0) throw fromGraphQLErrors(body.errors);
    if (body.data === undefined || body.data === null) throw new CliError(ExitCode.SERVER, 'The server answered without data');
    return body.data;
  }

  subscribe<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, sink: Sink<TData>): () => void {
    this.#ws ??= createClient({
      url: `${this.server.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: this.#headers(),
      retryAttempts: RETRY_ATTEMPTS,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MAX_MS, 250 * 2 ** retries))),
    });
    return this.#ws.subscribe<TData>(
      { query: print(document), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors && result.errors.length > 0) sink.error(fromGraphQLErrors(result.errors));
          else if (result.data) sink.next(result.data);
        },
        error: (error) => sink.error(Array.isArray(error) ? fromGraphQLErrors(error) : unreachable(this.server, error)),
        complete: () => sink.complete(),
      },
    );
  }

  /** `GET /reports/{id}.{format}`: the document's text, or a CliError saying why there is none. */
  async document(id: string, format: 'md' | 'html'): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${this.server}/reports/${encodeURIComponent(id)}.${format}`, { headers: this.#headers() });
    } catch (error) {
      throw unreachable(this.server, error);
    }
    const text = await response.text();
    if (response.ok) return text;
    const reason = text.trim();
    if (response.status === 409) throw new CliError(ExitCode.REPORT_FAILED, reason);
    if (response.status === 401) throw new CliError(ExitCode.SERVER, `${reason}. Pass --api-key or set CLIMATE_RISK_API_KEY.`);
    throw new CliError(ExitCode.SERVER, `${response.status}: ${reason}`);
  }

  async close(): Promise<void> {
    await this.#ws?.dispose();
    this.#ws = undefined;
  }
}
