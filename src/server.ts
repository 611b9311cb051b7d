/**
 * The HTTP server: one node:http server carrying
 *   - /graphql: yoga (queries, mutations, SSE subscriptions, the offline GraphiQL page),
 *   - /graphql over WebSocket: graphql-ws,
 *   - /healthz: a plain JSON status for probes,
 *   - /reports/{id}.md and /reports/{id}.html: a finished report as a document (the API's access rules),
 *   - /places.json: the regional table's places, for the dashboard's place picker,
 *   - / and its assets: the dashboard, as built by `npm run build`.
 * Sockets are tracked so stop() ends long-lived connections (SSE, WebSocket) instead of waiting on them.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Config } from './config.js';
import { createDashboardFiles, PLACES_PATH, servePlaces } from './dashboard/serve.js';
import { matchDocumentPath, serveDocument } from './documents/http.js';
import { createAuthenticator } from './graphql/context.js';
import { serveGraphQLOverWebSocket, type GraphQLOverWebSocketOptions } from './graphql/graphql-ws.js';
import { GRAPHQL_PATH, createGraphQLHandler } from './graphql/yoga.js';
import type { GraphQLHandler } from './graphql/yoga.js';
import type { Logger } from './logger.js';
import type { ReportService } from './reports/index.js';

export const HEALTHZ_PATH = '/healthz';

export interface AppOptions {
  service: ReportService;
  config: Pick<Config, 'port' | 'host' | 'apiKeys'>;
  logger: Logger;
  /** The built dashboard; default dist/dashboard/ (tests build into a folder of their own). */
  dashboardDir?: string;
  /** Heartbeat and slow-client limits of graphql-ws connections (defaults suit production). */
  webSocket?: GraphQLOverWebSocketOptions;
}

export interface App {
  /** The GraphQL handler, for in-process calls (`yoga.fetch`). */
  readonly yoga: GraphQLHandler;
  /** Listens (port 0: any free port) and resolves with the GraphQL URL. */
  start(port?: number, host?: string): Promise<{ url: string }>;
  /** Refuses new connections; open ones (and their subscriptions) carry on. */
  stopAccepting(): void;
  /** Closes every WebSocket and socket and resolves once the server is closed. Idempotent. */
  stop(): Promise<void>;
}

function writeHealth(service: ReportService, res: ServerResponse): void {
  const { queueDepth, running, workers, uptimeSeconds, shuttingDown } = service.health();
  const body = JSON.stringify({ status: shuttingDown ? 'shutting_down' : 'ok', queueDepth, running, workers, uptimeSeconds });
  // 503 while shutting down: load balancers stop routing here before the sockets close.
  res.writeHead(shuttingDown ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body);
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}${GRAPHQL_PATH}`;
}

function pathnameOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

export function buildApp({ service, config, logger, dashboardDir, webSocket }: AppOptions): App {
  const yoga = createGraphQLHandler({ service, logger, apiKeys: config.apiKeys });
  const documents = { service, authenticate: createAuthenticator(config.apiKeys), logger: logger.child({ component: 'documents' }) };
  const dashboard = createDashboardFiles(dashboardDir);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const pathname = pathnameOf(req);
    if (pathname === HEALTHZ_PATH) return writeHealth(service, res);
    if (pathname === GRAPHQL_PATH) return void yoga(req, res);
    if (pathname === PLACES_PATH) return servePlaces(req, res);
    const document = matchDocumentPath(pathname);
    if (document) return void serveDocument(req, res, document, documents);
    // Anything else is a dashboard file, or yoga's 404.
    dashboard.serve(req, res, pathname).then(
      (served) => {
        if (!served) void yoga(req, res);
      },
      (error: unknown) => {
        logger.error({ err: error, path: pathname }, 'serving a dashboard file failed');
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      },
    );
  });
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH });
  const graphqlWs = serveGraphQLOverWebSocket(wss, yoga, logger.child({ component: 'graphql-ws' }), webSocket);

  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const closed = new Promise<void>((resolve) => server.once('close', resolve));
  let started = false;
  let accepting = false;
  let stopping: Promise<void> | null = null;

  const stopAccepting = (): void => {
    if (!accepting) return;
    accepting = false;
    server.close();
    server.closeIdleConnections();
  };

  return {
    yoga,
    start: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error): void => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          started = true;
          accepting = true;
          resolve({ url: urlOf(server.address() as AddressInfo) });
        });
      }),
    stopAccepting,
    stop: () => {
      stopping ??= (async () => {
        stopAccepting();
        await graphqlWs.dispose();
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (started) await closed;
      })();
      return stopping;
    },
  };
}
