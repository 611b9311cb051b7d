/**
 * Push latency: from "the worker thread finished the analysis" to "the COMPLETED frame arrived at a
 * local graphql-ws client", with 1,000 idle subscribers connected. Both ends read CLOCK_MONOTONIC
 * (process.hrtime): the worker stamps its finish time into the result (bench/servers/probe-worker.ts),
 * the client stamps the frame when it arrives, before parsing it.
 */
import { watchFeed } from '../lib/feed.js';
import { HttpClient } from '../lib/http.js';
import { CREATE_REPORT, body, reportInput } from '../lib/operations.js';
import { withServer, type ServerProcess } from '../lib/processes.js';
import { serviceEnv, type BenchContext, type Scenario } from '../lib/scenario.js';
import { formatMs, msBetween, summarize, type Summary } from '../lib/stats.js';
import { API_KEYS, BENCH_AUTH, openIdleSubscribers } from '../lib/subscribers.js';
import { WsConnection } from '../lib/ws-client.js';
import { WORKER_DONE_PREFIX } from '../servers/probe-worker.js';

/** A few milliseconds of simulation: enough for a real worker round trip, short enough for many samples. */
const YEARS = 20_000;

/** The environment of ours with the probe worker and two tenants (measured and idle). */
export function probedEnv(context: BenchContext, extra: Record<string, string> = {}): Record<string, string> {
  return serviceEnv(context, { BENCH_WORKER: 'probe', API_KEYS, ...extra });
}

/** Creates `count` reports one after another and measures worker done → COMPLETED frame for each. */
export async function measurePush(server: ServerProcess, count: number): Promise<Summary> {
  const http = new HttpClient(server.url, { headers: BENCH_AUTH });
  const connection = await WsConnection.open(server.wsUrl, BENCH_AUTH);
  const latencies: number[] = [];
  // One subscription sees every report of the tenant, subscribed before any report exists.
  const feed = watchFeed(connection, ['COMPLETED']);
  await connection.ping();
  await new Promise((resolve) => setTimeout(resolve, 100));
  try {
    for (let i = 0; i < count + 3; i += 1) {
      const { createReport } = await http.data<{ createReport: { id: string } }>(
        body(CREATE_REPORT, { input: reportInput({ years: YEARS, variant: i }) }),
      );
      const isIt = (e: (typeof feed.events)[number]): boolean => e.event.report.id === createReport.id;
      await feed.until((events) => events.some(isIt), 30_000, `report ${i} COMPLETED`);
      const completed = feed.events.find(isIt)!;
      const stamp = completed.event.report.result?.dataQuality.proxies.find((p) => p.startsWith(WORKER_DONE_PREFIX));
      if (!stamp) throw new Error('the COMPLETED event carries no worker timestamp (is BENCH_WORKER=probe set?)');
      // The first reports warm up the JIT of both processes.
      if (i >= 3) latencies.push(msBetween(BigInt(stamp.slice(WORKER_DONE_PREFIX.length)), completed.receivedNs));
    }
    return summarize(latencies);
  } finally {
    connection.close();
    http.close();
  }
}

export const pushLatency: Scenario = {
  name: 'push',
  title: 'Push latency',
  async run(context) {
    const idle = context.quick ? 100 : 1_000;
    const count = context.quick ? 20 : 300;
    const push = await withServer(
      { name: 'ours-push', script: 'bench/servers/ours.ts', env: probedEnv(context), nodeFlags: context.nodeFlags },
      async (server) => {
        context.log(`${idle} idle subscribers, ${count} reports`);
        const subscribers = await openIdleSubscribers(server.wsUrl, idle, idle);
        try {
          return await measurePush(server, count);
        } finally {
          subscribers.close();
        }
      },
    );
    return {
      rows: [
        {
          figure: `worker done → graphql-ws frame, p99 (${idle.toLocaleString('en-US')} idle subscribers)`,
          ours: formatMs(push.p99),
          baseline: '—',
          ratio: '—',
          goal: '≤ 5 ms',
          pass: push.p99 <= 5,
        },
      ],
      figures: { push_p99_ms: push.p99, push_p50_ms: push.p50 },
      notes: [
        `Server: bench/servers/ours.ts (the composition of src/main.ts) whose pool runs bench/servers/probe-worker.ts: the real analysis worker plus a CLOCK_MONOTONIC timestamp taken when the analysis finished.`,
        `${idle.toLocaleString('en-US')} idle subscribers: one connection each, a reportFeed subscription of a tenant that creates no reports (open, attached to the event bus, never sent an event).`,
        `Measured client: another tenant creates ${count} reports of ${YEARS.toLocaleString('en-US')} simulated years one after another, followed on one reportFeed subscription opened before the first; latency = frame arrival (monotonic clock, before parsing) − worker finish.`,
        `p50 ${formatMs(push.p50)}, p90 ${formatMs(push.p90)}, p99 ${formatMs(push.p99)}, max ${formatMs(push.max)}. The path: worker → MessagePort → runner → store.transition (mutex) → event bus → subscription → graphql execution → WebSocket frame.`,
      ],
    };
  },
};
