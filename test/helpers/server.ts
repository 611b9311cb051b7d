/**
 * A real server on a free port with real clients (graphql-ws over `ws`, graphql-sse over fetch), and
 * disposal of all of it in one call.
 */
import { createClient as createWsClient } from 'graphql-ws';
import type { Client as WsClient, ClientOptions as WsClientOptions } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import type { Client as SseClient } from 'graphql-sse';
import WebSocket from 'ws';
import type { ApiKey } from '../../src/config.js';
import type { ReportService } from '../../src/reports/index.js';
import { buildApp } from '../../src/server.js';
import type { App, AppOptions } from '../../src/server.js';
import { silentLogger } from './services.js';
import type { Fetcher } from './graphql.js';

export interface TestServer {
  app: App;
  service: ReportService;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  /** For `execute(server.http, ...)`. */
  http: { fetcher: Fetcher; url: string };
  ws(options?: Partial<WsClientOptions>): WsClient;
  sse(headers?: Record<string, string>): SseClient;
  /** Closes the clients, the server and the service. */
  dispose(): Promise<void>;
}

export async function startTestServer(
  service: ReportService,
  options: { apiKeys?: ApiKey[]; webSocket?: AppOptions['webSocket'] } = {},
): Promise<TestServer> {
  const app = buildApp({
    service,
    logger: silentLogger,
    config: { port: 0, host: '127.0.0.1', apiKeys: options.apiKeys ?? [] },
    ...(options.webSocket ? { webSocket: options.webSocket } : {}),
  });
  const { url } = await app.start(0, '127.0.0.1');
  const wsUrl = url.replace(/^http/, 'ws');
  const disposers: (() => unknown)[] = [];

  return {
    app,
    service,
    url,
    wsUrl,
    http: { fetcher: { fetch: (input, init) => fetch(input, init) }, url },
    ws: (clientOptions = {}) => {
      // Node 20 has no global WebSocket; retries off so a refused connection fails the test at once.
      const client = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, ...clientOptions });
      disposers.push(() => client.dispose());
      return client;
    },
    sse: (headers = {}) => {
      const client = createSseClient({ url, headers, retryAttempts: 0 });
      disposers.push(() => client.dispose());
      return client;
    },
    dispose: async () => {
      await Promise.all(disposers.splice(0).map((dispose) => dispose()));
      await service.close({ graceMs: 0 });
      await app.stop();
    },
  };
}
