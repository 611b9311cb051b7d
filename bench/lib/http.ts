/**
 * A lean GraphQL-over-HTTP client for the load generators: node:http with keep-alive sockets and a
 * pre-serialised body, so the client side costs as little CPU as possible (it shares the two cores with
 * the server under test).
 */
import { Agent, request } from 'node:http';

export interface GraphQLResponse {
  status: number;
  /** Parsed JSON body, or undefined when it was not JSON. */
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
}

export class HttpClient {
  readonly #agent: Agent;
  readonly #url: URL;
  readonly #headers: Record<string, string>;

  constructor(url: string, options: { maxSockets?: number; headers?: Record<string, string> } = {}) {
    this.#url = new URL(url);
    this.#headers = options.headers ?? {};
    this.#agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  }

  /** POSTs a GraphQL request; rejects on network errors and after `timeoutMs`. */
  post(payload: string | object, timeoutMs = 60_000): Promise<GraphQLResponse> {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.#agent,
          host: this.#url.hostname,
          port: this.#url.port,
          path: this.#url.pathname,
          method: 'POST',
          headers: {
            ...this.#headers,
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            let parsed: GraphQLResponse['body'];
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLResponse['body'];
            } catch {
              parsed = undefined;
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** POSTs and returns `data`, throwing on GraphQL errors. */
  async data<T = Record<string, unknown>>(payload: string | object, timeoutMs?: number): Promise<T> {
    const { status, body } = await this.post(payload, timeoutMs);
    if (!body || body.errors?.length || !body.data) {
      throw new Error(`GraphQL request failed (HTTP ${status}): ${JSON.stringify(body?.errors ?? body).slice(0, 500)}`);
    }
    return body.data as T;
  }

  close(): void {
    this.#agent.destroy();
  }
}
