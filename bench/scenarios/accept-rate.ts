/**
 * Accept rate: how fast createReport accepts work while the pool is busy, against a trivial mutation on
 * the same stack in the same run (autocannon, 50 connections), and the latency of createReport sent one
 * at a time.
 */
import { performance } from 'node:perf_hooks';
import { cannon, type CannonResult } from '../lib/cannon.js';
import { HttpClient } from '../lib/http.js';
import { CREATE_REPORT, HEALTH, TRIVIAL_MUTATION, body, reportInput } from '../lib/operations.js';
import type { ProbeStats } from '../lib/probe-protocol.js';
import { withServer } from '../lib/processes.js';
import { serviceEnv, type Scenario } from '../lib/scenario.js';
import { formatCount, formatMs, summarize } from '../lib/stats.js';
import { cpuDelta, threadCpu } from '../lib/threads.js';

const CONNECTIONS = 50;

export const acceptRate: Scenario = {
  name: 'accept',
  title: 'Accept rate',
  async run(context) {
    const seconds = context.quick ? 2 : 10;
    const sequential = context.quick ? 200 : 2_000;
    const createBody = body(CREATE_REPORT, { input: reportInput({ years: 1_000 }) });

    context.log(`trivial mutation: ${CONNECTIONS} connections, ${seconds} s`);
    const trivial = await withServer(
      { name: 'trivial', script: 'bench/servers/trivial.ts', env: serviceEnv(context), nodeFlags: context.nodeFlags },
      async (server) => {
        const payload = body(TRIVIAL_MUTATION, { note: 'ping' });
        // One at a time too: the stack's own latency floor on this machine.
        const http = new HttpClient(server.url, { maxSockets: 1 });
        const latencies: number[] = [];
        try {
          for (let i = 0; i < 200; i += 1) await http.data(payload);
          for (let i = 0; i < sequential; i += 1) {
            const t0 = performance.now();
            await http.data(payload);
            latencies.push(performance.now() - t0);
          }
        } finally {
          http.close();
        }
        await cannon({ url: server.url, body: payload, connections: CONNECTIONS, durationSeconds: 1 });
        return { ...(await cannon({ url: server.url, body: payload, connections: CONNECTIONS, durationSeconds: seconds })), sequential: summarize(latencies) };
      },
    );

    context.log(`createReport: ${sequential} one at a time, then ${CONNECTIONS} connections for ${seconds} s`);
    const measureOurs = (workers: number) => withServer(
      {
        name: `ours-accept-w${workers}`,
        script: 'src/main.ts',
        // Every accepted report waits in the queue: room for all of them.
        env: serviceEnv(context, { MAX_QUEUE: '1000000', WORKERS: String(workers) }),
        nodeFlags: context.nodeFlags,
      },
      async (server) => {
        const http = new HttpClient(server.url, { maxSockets: 1 });
        try {
          // The pool is busy for the whole measurement: a long simulation on every worker.
          for (let i = 0; i < workers; i += 1) {
            await http.data(body(CREATE_REPORT, { input: reportInput({ years: 10_000_000, timeoutSeconds: 600, variant: i }) }));
          }
          // One at a time first, on a warm server whose queue is still short.
          for (let i = 0; i < 200; i += 1) await http.data(createBody);
          const latencies: number[] = [];
          await server.call('reset');
          for (let i = 0; i < sequential; i += 1) {
            const t0 = performance.now();
            await http.data(createBody);
            latencies.push(performance.now() - t0);
          }
          const sequentialStats = await server.call<ProbeStats>('stats');
          await cannon({ url: server.url, body: createBody, connections: CONNECTIONS, durationSeconds: 1 });
          const before = await http.data<{ health: { queueDepth: number } }>(body(HEALTH));
          await server.call('reset');
          const threadsBefore = threadCpu(server.pid);
          const harnessBefore = threadCpu(process.pid);
          const loaded: CannonResult = await cannon({ url: server.url, body: createBody, connections: CONNECTIONS, durationSeconds: seconds });
          const stats = await server.call<ProbeStats>('stats');
          const threads = cpuDelta(threadsBefore, threadCpu(server.pid));
          const harness = cpuDelta(harnessBefore, threadCpu(process.pid));
          const after = await http.data<{ health: { queueDepth: number; running: number } }>(body(HEALTH));
          return {
            loaded,
            stats,
            // The busiest thread of the server is its event loop (the workers run the long simulations).
            threadShares: threads.slice(0, 3).map((t) => t.cpuMs / (loaded.durationSeconds * 1000)),
            harnessShare: (harness[0]?.cpuMs ?? 0) / (loaded.durationSeconds * 1000),
            accepted: after.health.queueDepth - before.health.queueDepth,
            running: after.health.running,
            sequential: summarize(latencies),
            sequentialStats,
          };
        } finally {
          http.close();
        }
      },
    );
    const ours = await measureOurs(context.defaultWorkers);
    // The worker-count choice: the same with the other candidate (cores or cores − 1, whichever is not the default).
    const otherWorkers = context.defaultWorkers === context.cores ? context.cores - 1 : context.cores;
    const other = otherWorkers >= 1 && !context.quick ? await measureOurs(otherWorkers) : null;

    context.log(`the GraphQL edge alone (createReport answered by a stub): ${CONNECTIONS} connections, ${seconds} s`);
    const edge = await withServer(
      { name: 'edge-floor', script: 'bench/servers/ours.ts', env: serviceEnv(context, { BENCH_STUB_CREATE: '1' }), nodeFlags: context.nodeFlags },
      async (server) => {
        await cannon({ url: server.url, body: createBody, connections: CONNECTIONS, durationSeconds: 1 });
        return cannon({ url: server.url, body: createBody, connections: CONNECTIONS, durationSeconds: seconds });
      },
    );

    const share = ours.loaded.requestsPerSecond / trivial.requestsPerSecond;
    return {
      rows: [
        {
          figure: `createReport req/s, ${CONNECTIONS} connections, pool busy (WORKERS=${context.defaultWorkers}; vs trivial mutation)`,
          ours: formatCount(ours.loaded.requestsPerSecond),
          baseline: `${formatCount(trivial.requestsPerSecond)} (trivial)`,
          ratio: `${(share * 100).toFixed(0)} %`,
          goal: '≥ 4,000 req/s; ≥ 80 %',
          pass: ours.loaded.requestsPerSecond >= 4_000 && share >= 0.8,
        },
        ...(other
          ? [
              {
                figure: `the same with WORKERS=${otherWorkers} (req/s / one-at-a-time p99)`,
                ours: `${formatCount(other.loaded.requestsPerSecond)} / ${formatMs(other.sequential.p99)}`,
                baseline: '—',
                ratio: '—',
                goal: '(worker-count choice)',
                pass: null,
              },
            ]
          : []),
        {
          figure: 'createReport latency one at a time, p99',
          ours: formatMs(ours.sequential.p99),
          baseline: `${formatMs(trivial.sequential.p99)} (trivial)`,
          ratio: '—',
          goal: '≤ 3 ms',
          pass: ours.sequential.p99 <= 3,
        },
      ],
      figures: {
        accept_ours_rps: ours.loaded.requestsPerSecond,
        accept_trivial_rps: trivial.requestsPerSecond,
        accept_trivial_sequential_p99_ms: trivial.sequential.p99,
        accept_sequential_p99_ms: ours.sequential.p99,
        accept_sequential_p50_ms: ours.sequential.p50,
        accept_edge_rps: edge.requestsPerSecond,
        [`accept_ours_rps_w${context.defaultWorkers}`]: ours.loaded.requestsPerSecond,
        ...(other ? { [`accept_ours_rps_w${otherWorkers}`]: other.loaded.requestsPerSecond, [`accept_sequential_p99_ms_w${otherWorkers}`]: other.sequential.p99 } : {}),
      },
      notes: [
        `autocannon in the harness process, ${CONNECTIONS} connections, ${seconds} s after a 1 s warm-up, against each server in turn; the same request body every time.`,
        `Trivial mutation: bench/servers/trivial.ts, node:http + graphql-yoga (same options) + a Pothos schema with \`ping(note: String): String\`. ` +
          `It answered ${formatCount(trivial.requestsPerSecond)} req/s (p99 ${trivial.latency.p99} ms); one at a time (${sequential} after 200 to warm up) ` +
          `p50 ${formatMs(trivial.sequential.p50)}, p99 ${formatMs(trivial.sequential.p99)}: the stack's own floor for the one-at-a-time goal.`,
        `createReport: ${formatCount(ours.loaded.requestsPerSecond)} req/s (p99 ${ours.loaded.latency.p99} ms, ${ours.loaded.failures} failures); ` +
          `${formatCount(ours.accepted)} reports accepted and queued during the window, ${ours.running} running (a 10 M-year simulation on every worker).`,
        `The GraphQL edge alone: the same createReport request through our schema and yoga, with the service call replaced by a stub that returns a ready report (bench/servers/ours.ts, BENCH_STUB_CREATE=1): ` +
          `${formatCount(edge.requestsPerSecond)} req/s, ${((100 * edge.requestsPerSecond) / trivial.requestsPerSecond).toFixed(0)} % of the trivial mutation. ` +
          `Parsing and coercing the nested CreateReportInput and executing the mutation cost that much before any of our code runs; ours reaches ${((100 * ours.loaded.requestsPerSecond) / edge.requestsPerSecond).toFixed(0)} % of that floor.`,
        `CPU during the window, in shares of one core: the server's busiest threads ${ours.threadShares.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')} ` +
          `(the event loop, then the niced worker threads running the long simulations), the harness's main thread (autocannon) ${(ours.harnessShare * 100).toFixed(0)} %.`,
        `Inside the server during the window: event-loop delay p99 ${formatMs(ours.stats.eld.p99)}, GC ${formatMs(ours.stats.gc.totalMs)} in ${ours.stats.gc.count} pauses (max ${formatMs(ours.stats.gc.maxMs)}), process CPU ${formatMs(ours.stats.cpuMs)} in ${formatMs(ours.stats.wallMs)}.`,
        `One at a time: ${sequential} createReport requests on one keep-alive connection (after 200 to warm up), the pool busy, before the loaded window: ` +
          `p50 ${formatMs(ours.sequential.p50)}, p99 ${formatMs(ours.sequential.p99)}, max ${formatMs(ours.sequential.max)}; meanwhile in the server ` +
          `${ours.sequentialStats.gc.count} GC pauses (${formatMs(ours.sequentialStats.gc.totalMs)} in all, max ${formatMs(ours.sequentialStats.gc.maxMs)}), event-loop delay p99 ${formatMs(ours.sequentialStats.eld.p99)}, max ${formatMs(ours.sequentialStats.eld.max)}.`,
      ],
    };
  },
};
