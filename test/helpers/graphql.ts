/** Typed GraphQL calls for tests: in process through `yoga.fetch`, or over HTTP to a running server. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { FormattedExecutionResult } from 'graphql';

export type Result<TData> = FormattedExecutionResult<TData>;

/** Anything with a fetch: a yoga instance (in process) or `{ fetch: globalThis.fetch }`. */
export interface Fetcher {
  fetch(input: string, init?: RequestInit): Response | Promise<Response>;
}

export const IN_PROCESS_URL = 'http://yoga/graphql';

export async function execute<TData, TVariables>(
  target: { fetcher: Fetcher; url?: string },
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  headers: Record<string, string> = {},
): Promise<Result<TData>> {
  const response = await target.fetcher.fetch(target.url ?? IN_PROCESS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as Result<TData>;
}

/** The data of a result that must have succeeded; a failure shows the errors in the assertion message. */
export function dataOf<TData>(result: Result<TData>): TData {
  if (result.errors?.length || result.data === undefined || result.data === null) {
    throw new Error(`expected data, got ${JSON.stringify(result.errors ?? result)}`);
  }
  return result.data;
}

/** The extensions.code of each error of a result. */
export function codesOf(result: Result<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.['code']);
}
