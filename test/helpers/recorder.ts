/**
 * Records what a subscription delivers, from either client: graphql-ws and graphql-sse share the
 * `subscribe(payload, sink) → unsubscribe` shape. Tests wait for what they expect instead of sleeping.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { FormattedExecutionResult } from 'graphql';

interface Sink<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}

export interface SubscribingClient {
  subscribe<T>(
    payload: { query: string; variables?: Record<string, unknown> | null },
    sink: Sink<FormattedExecutionResult<T, unknown>>,
  ): () => void;
}

export type Outcome = { kind: 'complete' } | { kind: 'error'; error: unknown };

const DEFAULT_WAIT_MS = 10_000;

export class Recorder<TData, TVariables = Record<string, unknown>> {
  readonly results: FormattedExecutionResult<TData, unknown>[] = [];
  outcome: Outcome | null = null;
  readonly #unsubscribe: () => void;
  #changed: (() => void)[] = [];

  constructor(client: SubscribingClient, document: TypedDocumentNode<TData, TVariables>, variables: TVariables) {
    this.#unsubscribe = client.subscribe<TData>(
      { query: print(document), variables: variables as Record<string, unknown> },
      {
        next: (value) => {
          this.results.push(value);
          this.#notify();
        },
        error: (error) => {
          this.outcome = { kind: 'error', error };
          this.#notify();
        },
        complete: () => {
          this.outcome ??= { kind: 'complete' };
          this.#notify();
        },
      },
    );
  }

  /** The data of every result so far (results with errors are skipped). */
  get data(): TData[] {
    return this.results.flatMap((result) => (result.data ? [result.data] : []));
  }

  /** Resolves once `condition` holds; rejects with what was recorded when it does not within `timeoutMs`. */
  async until(condition: (recorder: this) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition(this)) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`timed out waiting for ${what}; recorded ${JSON.stringify({ results: this.results, outcome: this.outcome })}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#changed.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves with the outcome once the server completed the operation or it failed. */
  async ended(timeoutMs = DEFAULT_WAIT_MS): Promise<Outcome> {
    await this.until((recorder) => recorder.outcome !== null, 'the end of the subscription', timeoutMs);
    return this.outcome as Outcome;
  }

  unsubscribe(): void {
    this.#unsubscribe();
  }

  #notify(): void {
    for (const wake of this.#changed.splice(0)) wake();
  }
}

/**
 * Waits for a condition on state that announces no event of its own (a listener count, say), checking
 * it every few milliseconds; rejects naming `what` when it does not hold within `timeoutMs`.
 */
export async function eventually(condition: () => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
