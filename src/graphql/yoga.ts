/**
 * The GraphQL handler: the schema, auth context, error masking and the offline GraphiQL, as one yoga
 * instance. The HTTP server mounts it; tests call `yoga.fetch` in process.
 */
import { createYoga } from 'graphql-yoga';
import type { GraphiQLOptions, Plugin, YogaLogger, YogaServerInstance } from 'graphql-yoga';
import type { ApiKey } from '../config.js';
import type { Logger } from '../logger.js';
import type { ReportService } from '../reports/index.js';
import { createAuthenticator, createContextFactory } from './context.js';
import type { GraphQLContext, ServerContext } from './context.js';
import { createMaskError } from './errors.js';
import { useRequestBodyLimit } from './request-body-limit.js';
import { schema } from './schema.js';

export const GRAPHQL_PATH = '/graphql';

export type GraphQLHandler = YogaServerInstance<ServerContext, GraphQLContext>;

export interface GraphQLHandlerOptions {
  service: ReportService;
  logger: Logger;
  /** Empty: open API, every caller is the public tenant. */
  apiKeys: readonly ApiKey[];
}

const DEFAULT_QUERY = /* GraphQL */ `# Create a report, then paste its id into the subscription below and run it.
mutation CreateReport {
  createReport(
    input: {
      location: { latitude: 37.5665, longitude: 126.978, address: "Seoul City Hall" }
      building: { occupancy: COMMERCIAL, floorsAboveGround: 13 }
      asset: { value: 100000000000, currency: "KRW" }
      params: { scenarios: [SSP2_4_5, SSP5_8_5], horizons: [2050] }
      language: EN
    }
  ) {
    id
    status
    queuePosition
    deadline
  }
}

subscription ReportEvents {
  reportEvents(id: "paste the id here") {
    type
    version
    report {
      status
      progress { stage percent }
      error { code message }
      result {
        scenarios { scenario horizon total { grade ealAmount loss100Amount } }
        narrative { summary }
      }
    }
  }
}

query Health {
  health { status queueDepth running workers uptimeSeconds }
}
`;

function graphiqlOptions(apiKeys: readonly ApiKey[]): GraphiQLOptions {
  const needsKey = apiKeys.length > 0;
  return {
    title: 'Climate Risk Reports',
    defaultQuery: DEFAULT_QUERY,
    // Subscriptions over graphql-ws; the header editor's Authorization travels with each operation.
    subscriptionsProtocol: 'WS',
    isHeadersEditorEnabled: true,
    headers: needsKey ? JSON.stringify({ Authorization: 'Bearer <your API key>' }, null, 2) : '{}',
    defaultEditorToolsVisibility: needsKey ? 'headers' : 'variables',
  };
}

/** Yoga's own log lines (mostly request errors) into the process logger. */
function yogaLogger(logger: Logger): YogaLogger {
  const forward =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const [first, ...rest] = args;
      if (typeof first === 'string') logger[level]({ details: rest.length > 0 ? rest : undefined }, first);
      else logger[level]({ details: args }, 'graphql-yoga');
    };
  return { debug: forward('debug'), info: forward('info'), warn: forward('warn'), error: forward('error') };
}

/**
 * The offline GraphiQL page, loaded on the first request for it: the package inlines GraphiQL's bundle
 * (its module text and the exported string hold about 30 MB of heap), which a service nobody opens
 * GraphiQL on should not carry.
 */
async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL: render } = await import('@graphql-yoga/render-graphiql');
  return render(options);
}

/**
 * The HTTP and execution stack every yoga of ours runs on (the service, and the bench's trivial-mutation
 * yardstick, so that they compare like with like).
 */
export function yogaStackOptions(): { maxRequestBodySize: false; plugins: Plugin[] } {
  return { maxRequestBodySize: false, plugins: [useRequestBodyLimit()] };
}

export function createGraphQLHandler({ service, logger, apiKeys }: GraphQLHandlerOptions): GraphQLHandler {
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: createContextFactory({ service, logger, authenticate: createAuthenticator(apiKeys) }),
    maskedErrors: { maskError: createMaskError(logger) },
    // Rendered from the npm package: yoga's default GraphiQL loads its assets from a CDN.
    graphiql: graphiqlOptions(apiKeys),
    renderGraphiQL,
    landingPage: false,
    logging: yogaLogger(logger.child({ component: 'yoga' })),
    ...yogaStackOptions(),
  });
}
