/**
 * CPU scaling: reports per second with WORKERS=1 and WORKERS=2 (every core), pure simulation, no
 * narrative. The pool runs one report per thread, so throughput should scale with threads up to the
 * cores (the limit is 2x on two cores).
 */
import { countFinished, watchFeed } from '../lib/feed.js';
import { HttpClient } from '../lib/http.js';
import { CREATE_REPORT, FINAL_STATUSES, body, reportInput } from '../lib/operations.js';
import { withServer } from '../lib/processes.js';
import { ratio, serviceEnv, type BenchContext, type Scenario } from '../lib/scenario.js';
import { msBetween } from '../lib/stats.js';
import { WsConnection } from '../lib/ws-client.js';

async function reportsPerSecond(context: BenchContext, workers: number, count: number, years: number): Promise<number> {
  return withServer(
    { name: `ours-cpu-w${workers}`, script: 'src/main.ts', env: serviceEnv(context, { WORKERS: String(workers) }), nodeFlags: context.nodeFlags },
    async (server) => {
      const http = new HttpClient(server.url);
      const connection = await WsConnection.open(server.wsUrl);
      try {
        // One small report per thread first: threads load the analyzer and warm their JIT.
        const warm = watchFeed(connection, FINAL_STATUSES);
        await Promise.all(Array.from({ length: workers }, (_, i) => http.data(body(CREATE_REPORT, { input: reportInput({ years: 50_000, variant: i }) }))));
        await warm.until((events) => countFinished(events, FINAL_STATUSES) >= workers, 60_000, 'warm-up reports');
        const feed = watchFeed(connection, ['COMPLETED']);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const start = process.hrtime.bigint();
        for (let i = 0; i < count; i += 1) {
          await http.data(body(CREATE_REPORT, { input: reportInput({ years, timeoutSeconds: 600, variant: 100 + i }) }));
        }
        await feed.until((events) => countFinished(events, ['COMPLETED']) >= count, 300_000, `${count} completed reports`);
        const last = feed.events.reduce((max, e) => (e.receivedNs > max ? e.receivedNs : max), start);
        return count / (msBetween(start, last) / 1000);
      } finally {
        connection.close();
        http.close();
      }
    },
  );
}

export const cpuScaling: Scenario = {
  name: 'cpu',
  title: 'CPU scaling',
  async run(context) {
    const count = context.quick ? 3 : 12;
    const years = context.quick ? 300_000 : 1_500_000;
    const counts = [...new Set([1, Math.max(2, context.cores)])];
    const rates = new Map<number, number>();
    for (const workers of counts) {
      context.log(`WORKERS=${workers}: ${count} reports of ${years.toLocaleString('en-US')} years`);
      rates.set(workers, await reportsPerSecond(context, workers, count, years));
    }
    const one = rates.get(1)!;
    const all = rates.get(counts.at(-1)!)!;
    const scale = all / one;
    return {
      rows: [
        {
          figure: `reports/s, WORKERS=${counts.at(-1)} vs WORKERS=1 (${(years / 1e6).toFixed(1)} M simulated years each)`,
          ours: `${all.toFixed(2)} vs ${one.toFixed(2)}`,
          baseline: '—',
          ratio: ratio(scale),
          goal: `≥ 1.8x (limit ${counts.at(-1)}x)`,
          // A quick run's reports are too short to show the scaling.
          pass: context.quick ? null : scale >= 1.8,
        },
      ],
      figures: Object.fromEntries([...rates.entries()].map(([w, r]) => [`cpu_reports_per_s_w${w}`, r])),
      notes: [
        `${count} reports of ${years.toLocaleString('en-US')} simulated years each, no narrative, created back to back; throughput from the first request to the last COMPLETED event (reportFeed).`,
        'Each server first runs one small report per thread so the threads have loaded the analyzer and warmed up.',
        `Figures: ${[...rates.entries()].map(([w, r]) => `WORKERS=${w}: ${r.toFixed(2)} reports/s`).join(', ')}.`,
      ],
    };
  },
};
