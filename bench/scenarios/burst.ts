/**
 * Burst completion: 5,000 reports complete in the same instant, each followed by its own subscriber on
 * its own graphql-ws connection; how long until the last subscriber has its COMPLETED frame.
 * The pool is bench/servers/gate-pool.ts: it holds every task until the harness says `release`, then
 * completes them all at once with a real analysis; everything after that is the service's own path.
 */
import { EventLog, watchReport } from '../lib/feed.js';
import { HttpClient } from '../lib/http.js';
import { CREATE_REPORT, REPORT_EVENTS, REPORT_STATUS_EVENTS, body, reportInput } from '../lib/operations.js';
import type { ProbeStats } from '../lib/probe-protocol.js';
import { withServer } from '../lib/processes.js';
import { serviceEnv, type BenchContext, type Scenario } from '../lib/scenario.js';
import { formatMs, msBetween, summarize, type Summary } from '../lib/stats.js';
import { openConnections } from '../lib/ws-client.js';

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface BurstFigures {
  delivery: Summary;
  stats: ProbeStats;
  releaseNs: string;
}

/** One burst: `count` reports held RUNNING, one subscriber each with `query`, then released together. */
async function runBurst(context: BenchContext, count: number, query: string, label: string): Promise<BurstFigures> {
  return withServer(
    {
      name: `ours-burst-${label}`,
      script: 'bench/servers/ours.ts',
      env: serviceEnv(context, { BENCH_POOL: `gate:${count}`, MAX_QUEUE: String(count * 2), MAX_STORED_REPORTS: String(count * 2) }),
      nodeFlags: context.nodeFlags,
    },
    async (server) => {
      const http = new HttpClient(server.url, { maxSockets: 32 });
      context.log(`${count} reports, ${count} connections with one subscriber each (${label} selection)`);
      const ids = await mapLimit(Array.from({ length: count }, (_, i) => i), 32, async (i) => {
        const data = await http.data<{ createReport: { id: string } }>(body(CREATE_REPORT, { input: reportInput({ years: 1_000, variant: i }) }));
        return data.createReport.id;
      });
      http.close();
      const connections = await openConnections(server.wsUrl, count, { parallel: 64 });
      try {
        const logs = ids.map((id, i) => watchReport(connections[i]!, id, new EventLog(), query));
        await Promise.all(logs.map((log) => log.until((events) => events.length > 0, 60_000, 'the snapshot')));
        const held = await server.call<number>('held');
        if (held !== count) throw new Error(`the gate holds ${held} tasks, expected ${count}`);
        await server.call('reset');
        const { releaseNs } = await server.call<{ released: number; releaseNs: string }>('release');
        await Promise.all(logs.map((log) => log.until((events) => events.some((e) => e.event.type === 'COMPLETED'), 60_000, 'COMPLETED')));
        const stats = await server.call<ProbeStats>('stats');
        const delivered = logs.map((log) => msBetween(BigInt(releaseNs), log.events.find((e) => e.event.type === 'COMPLETED')!.receivedNs));
        return { delivery: summarize(delivered), stats, releaseNs };
      } finally {
        for (const connection of connections) connection.close();
      }
    },
  );
}

export const burst: Scenario = {
  name: 'burst',
  title: 'Burst completion',
  async run(context) {
    const count = context.quick ? 300 : 5_000;
    const status = await runBurst(context, count, REPORT_STATUS_EVENTS, 'status');
    const full = await runBurst(context, count, REPORT_EVENTS, 'result');
    const last = status.delivery.max;
    const line = (name: string, f: BurstFigures): string =>
      `${name}: p50 ${formatMs(f.delivery.p50)}, p99 ${formatMs(f.delivery.p99)}, last ${formatMs(f.delivery.max)}; inside the server meanwhile GC ${formatMs(f.stats.gc.totalMs)} ` +
      `(max pause ${formatMs(f.stats.gc.maxMs)}, ${f.stats.gc.major} mark-compact) (release at ${f.releaseNs} ns, monotonic).`;
    return {
      rows: [
        {
          figure: `${count.toLocaleString('en-US')} reports complete together: last delivery (status selection)`,
          ours: formatMs(last),
          baseline: '—',
          ratio: '—',
          goal: '≤ 250 ms',
          pass: context.quick ? null : last <= 250,
        },
        {
          figure: 'the same, each subscriber selecting the result summary',
          ours: formatMs(full.delivery.max),
          baseline: '—',
          ratio: '—',
          goal: '—',
          pass: null,
        },
      ],
      figures: { burst_last_ms: last, burst_p50_ms: status.delivery.p50, burst_result_last_ms: full.delivery.max },
      notes: [
        `${count.toLocaleString('en-US')} reports created (1,000-year input), each RUNNING in bench/servers/gate-pool.ts, each followed by one reportEvents subscriber on its own graphql-ws connection (${count.toLocaleString('en-US')} connections).`,
        'Release: the gate completes every held task in one tick with a copy of a real analysis (computed by the real analyzer at start-up), stamped with the release time (CLOCK_MONOTONIC).',
        'Delivery = COMPLETED frame arrival at its client − release. Two selections: the status a client follows (type, version, report id, status, times, error code: it queries the result when it wants it), and one that also selects the result summary (9 scenario cells with their totals, the narrative summary).',
        line('Status selection', status),
        line('Result summary selected', full),
        'Every frame is written by the one event-loop thread: the store commits the completions one by one, graphql-js executes each event for its subscriber, and each frame is its own write to its own socket; the client side shares the two cores.',
      ],
    };
  },
};
