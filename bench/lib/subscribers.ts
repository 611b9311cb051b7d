/**
 * Tenants for the subscriber measures, and idle subscribers: reportFeed subscriptions of a tenant that
 * creates no reports, so they stay open and attached to the service's event bus but never receive an
 * event. The measured client is another tenant.
 */
import { openConnections, type WsConnection } from './ws-client.js';
import { REPORT_FEED } from './operations.js';

export const BENCH_KEY = 'bench-key-0001';
export const IDLE_KEY = 'idle-key-00001';
export const API_KEYS = `bench:${BENCH_KEY},idle:${IDLE_KEY}`;
export const BENCH_AUTH = { authorization: `Bearer ${BENCH_KEY}` };

export interface IdleSubscribers {
  connections: WsConnection[];
  subscriptions: number;
  close(): void;
}

/** `total` idle subscriptions over `connections` graphql-ws connections. */
export async function openIdleSubscribers(url: string, total: number, connections: number): Promise<IdleSubscribers> {
  const opened = await openConnections(url, connections, { connectionParams: { authorization: `Bearer ${IDLE_KEY}` } });
  let errors = 0;
  for (let i = 0; i < total; i += 1) {
    opened[i % opened.length]!.subscribe(REPORT_FEED, {}, {
      next: () => undefined,
      error: () => {
        errors += 1;
      },
    });
  }
  // Subscribing is asynchronous on the server: a round trip on every connection makes sure it is done.
  await Promise.all(opened.map((connection) => connection.ping()));
  if (errors > 0) throw new Error(`${errors} idle subscriptions failed`);
  return {
    connections: opened,
    subscriptions: total,
    close: () => {
      for (const connection of opened) connection.close();
    },
  };
}
