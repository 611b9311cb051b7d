/**
 * Who is calling (the tenant, from the API key) and what resolvers may use: the per-operation context.
 *
 * Without API keys the API is open and every caller is the public tenant (local use). With keys, a
 * caller presents one as `Authorization: Bearer <key>` or `x-api-key: <key>` over HTTP and SSE, or in
 * the graphql-ws `connectionParams` (the browser WebSocket API cannot set headers).
 */
import { createHash } from 'node:crypto';
import type { YogaInitialContext } from 'graphql-yoga';
import { PUBLIC_TENANT } from '../config.js';
import type { ApiKey } from '../config.js';
import type { Logger } from '../logger.js';
import { unauthenticated } from './errors.js';
import type { ReportService } from '../reports/index.js';

export interface GraphQLContext {
  /** The caller's tenant: reports of other tenants do not exist for it. */
  tenant: string;
  service: ReportService;
  logger: Logger;
}

/** What the server adds to yoga's context: graphql-ws passes the connection parameters. */
export interface ServerContext {
  connectionParams?: Readonly<Record<string, unknown>> | undefined;
}

/** Returns the caller's tenant for a presented credential, or throws UNAUTHENTICATED. */
export type Authenticate = (credential: string | undefined) => string;

// Keys are compared by digest: the lookup time does not depend on how much of a guess matches, and the
// raw keys need not stay in memory beyond start-up.
const digest = (key: string): string => createHash('sha256').update(key).digest('hex');

export function createAuthenticator(apiKeys: readonly ApiKey[]): Authenticate {
  if (apiKeys.length === 0) return () => PUBLIC_TENANT;
  const tenantByDigest = new Map(apiKeys.map(({ key, tenant }) => [digest(key), tenant]));
  return (credential) => {
    if (credential === undefined || credential === '') throw unauthenticated();
    const tenant = tenantByDigest.get(digest(credential));
    if (tenant === undefined) throw unauthenticated('The API key is not valid');
    return tenant;
  };
}

const BEARER = /^Bearer\s+(.+)$/i;

function fromAuthorization(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return BEARER.exec(value.trim())?.[1]?.trim();
}

export function credentialFromHeaders(headers: Pick<Headers, 'get'>): string | undefined {
  return fromAuthorization(headers.get('authorization')) ?? headers.get('x-api-key')?.trim() ?? undefined;
}

/** Accepts the header names, in any case, or `apiKey`, as keys of the graphql-ws connection parameters. */
export function credentialFromConnectionParams(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (!params) return undefined;
  const byName = new Map(Object.entries(params).map(([name, value]) => [name.toLowerCase(), value]));
  const text = (name: string): string | undefined => {
    const value = byName.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  return fromAuthorization(text('authorization')) ?? text('x-api-key')?.trim() ?? text('apikey')?.trim();
}

export interface ContextDependencies {
  service: ReportService;
  logger: Logger;
  authenticate: Authenticate;
}

/** Yoga's `context` option: runs once per operation, over every transport. */
export function createContextFactory({ service, logger, authenticate }: ContextDependencies) {
  return (initial: YogaInitialContext & ServerContext): GraphQLContext => {
    // graphql-ws operations carry connection parameters; HTTP and SSE requests carry headers.
    const credential =
      initial.connectionParams !== undefined
        ? credentialFromConnectionParams(initial.connectionParams)
        : credentialFromHeaders(initial.request.headers);
    return { tenant: authenticate(credential), service, logger };
  };
}
