/** autocannon, run in this process against a loopback URL, with the figures the bench reads. */
import autocannon from 'autocannon';

export interface CannonResult {
  requestsPerSecond: number;
  requests: number;
  /** Non-2xx answers plus socket errors and timeouts. */
  failures: number;
  latency: { p50: number; p99: number; max: number };
  durationSeconds: number;
}

export interface CannonOptions {
  url: string;
  body: string;
  connections: number;
  durationSeconds?: number;
  /** Stop after this many requests instead of after a duration. */
  amount?: number;
}

export async function cannon(options: CannonOptions): Promise<CannonResult> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: options.body,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    timeout: 10,
  });
  const requests = result.requests.total;
  const seconds = result.duration;
  return {
    requestsPerSecond: (requests - result.non2xx) / seconds,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    durationSeconds: seconds,
  };
}
