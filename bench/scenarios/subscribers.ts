/**
 * Subscribers: 10,000 open graphql-ws subscriptions in one service process. Its RSS (every thread, the
 * workers included) with them open, and the push-latency and responsiveness goals measured again
 * while they stay open.
 */
import type { ProbeStats } from '../lib/probe-protocol.js';
import { withServer } from '../lib/processes.js';
import type { Scenario } from '../lib/scenario.js';
import { formatMs } from '../lib/stats.js';
import { BENCH_AUTH, openIdleSubscribers } from '../lib/subscribers.js';
import { measurePush, probedEnv } from './push-latency.js';
import { longReportsFor, measureUnderLoad } from './responsiveness.js';

export const subscribers: Scenario = {
  name: 'subscribers',
  title: 'Subscribers',
  async run(context) {
    const total = context.quick ? 500 : 10_000;
    const connections = total;
    const pushCount = context.quick ? 20 : 200;
    const windowMs = context.quick ? 1_500 : 6_000;
    const result = await withServer(
      { name: 'ours-subscribers', script: 'bench/servers/ours.ts', env: probedEnv(context, { MAX_QUEUE: '100000' }), nodeFlags: context.nodeFlags },
      async (server) => {
        const before = await server.call<ProbeStats>('stats');
        context.log(`${total.toLocaleString('en-US')} subscriptions on ${connections.toLocaleString('en-US')} connections`);
        const idle = await openIdleSubscribers(server.wsUrl, total, connections);
        try {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          const open = await server.call<ProbeStats>('stats');
          context.log(`push latency with them open (${pushCount} reports)`);
          const push = await measurePush(server, pushCount);
          context.log('health under load with them open');
          const loaded = await measureUnderLoad(server, 'ours', {
            longReports: longReportsFor(windowMs, context.defaultWorkers),
            windowMs,
            headers: BENCH_AUTH,
          });
          const after = await server.call<ProbeStats>('stats');
          return { before, open, after, push, loaded, stillOpen: idle.connections.filter((c) => c.open).length };
        } finally {
          idle.close();
        }
      },
    );
    // The same subscriptions multiplexed, ten per connection (a page following ten reports on one client).
    const perConnection = 10;
    const multiplexed = context.quick
      ? null
      : await withServer(
          { name: 'ours-subscribers-mux', script: 'bench/servers/ours.ts', env: probedEnv(context), nodeFlags: context.nodeFlags },
          async (server) => {
            const before = await server.call<ProbeStats>('stats');
            const idle = await openIdleSubscribers(server.wsUrl, total, total / perConnection);
            try {
              await new Promise((resolve) => setTimeout(resolve, 1_000));
              return { before, open: await server.call<ProbeStats>('stats') };
            } finally {
              idle.close();
            }
          },
        );
    const rss = Math.max(result.open.rssMb, result.after.rssMb);
    return {
      rows: [
        {
          figure: `RSS of the service with ${total.toLocaleString('en-US')} open subscriptions`,
          ours: `${result.open.rssMb.toFixed(0)} MB (peak seen ${rss.toFixed(0)} MB)`,
          baseline: '—',
          ratio: '—',
          goal: '≤ 256 MB',
          // The goal is about 10,000 subscriptions; a quick run opens far fewer.
          pass: context.quick ? null : rss <= 256,
        },
        ...(multiplexed
          ? [
              {
                figure: `RSS with the same subscriptions, ${perConnection} per connection`,
                ours: `${multiplexed.open.rssMb.toFixed(0)} MB`,
                baseline: '—',
                ratio: '—',
                goal: '(≤ 256 MB)',
                pass: null,
              },
            ]
          : []),
        {
          figure: `push latency p99 with ${total.toLocaleString('en-US')} subscriptions open`,
          ours: formatMs(result.push.p99),
          baseline: '—',
          ratio: '—',
          goal: '≤ 5 ms',
          pass: result.push.p99 <= 5,
        },
        {
          figure: `{ health } p99 under load with ${total.toLocaleString('en-US')} subscriptions open`,
          ours: formatMs(result.loaded.health.p99),
          baseline: '—',
          ratio: '—',
          goal: '≤ 5 ms',
          pass: result.loaded.health.p99 <= 5,
        },
      ],
      figures: {
        subscribers_rss_mb: rss,
        subscribers_rss_open_mb: result.open.rssMb,
        subscribers_rss_base_mb: result.before.rssMb,
        ...(multiplexed ? { subscribers_rss_mux_mb: multiplexed.open.rssMb } : {}),
        subscribers_push_p99_ms: result.push.p99,
        subscribers_health_p99_ms: result.loaded.health.p99,
      },
      notes: [
        `${total.toLocaleString('en-US')} reportFeed subscriptions of an idle tenant, one per graphql-ws connection (${connections.toLocaleString('en-US')} connections), opened 64 at a time; ${result.stillOpen.toLocaleString('en-US')} still open at the end.`,
        `RSS (process.memoryUsage().rss: the whole process, worker threads included): ${result.before.rssMb.toFixed(0)} MB before, ${result.open.rssMb.toFixed(0)} MB with the subscriptions open, ${result.after.rssMb.toFixed(0)} MB after the load below (heap used ${result.open.heapUsedMb.toFixed(0)} MB with them open).`,
        ...(multiplexed
          ? [
              `Multiplexed: ${total.toLocaleString('en-US')} subscriptions on ${(total / perConnection).toLocaleString('en-US')} connections in a fresh server: RSS ${multiplexed.before.rssMb.toFixed(0)} MB before, ${multiplexed.open.rssMb.toFixed(0)} MB with them open (heap used ${multiplexed.open.heapUsedMb.toFixed(0)} MB).`,
            ]
          : []),
        `With them open: push latency as in "Push latency" (${result.push.count} reports): p50 ${formatMs(result.push.p50)}, p99 ${formatMs(result.push.p99)}; ` +
          `{ health } under a saturated pool and 500 req/s (${windowMs / 1000} s window): p50 ${formatMs(result.loaded.health.p50)}, p99 ${formatMs(result.loaded.health.p99)}, event-loop delay p99 ${formatMs(result.loaded.eld?.p99 ?? Number.NaN)}.`,
      ],
    };
  },
};
