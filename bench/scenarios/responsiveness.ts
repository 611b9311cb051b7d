/**
 * Event-loop responsiveness: `{ health }` latency (a sequential probe every 20 ms) and the server's own
 * monitorEventLoopDelay while the CPU pool is saturated with long simulations and 450 req/s of mixed
 * traffic flows (createReport with a small simulation, report lookups, health): 500 req/s in all.
 * Ours with WORKERS=1 and WORKERS=2 (the worker-count choice), against the Blocking baseline.
 */
import { HttpClient } from '../lib/http.js';
import { runLoad, type Operation } from '../lib/load.js';
import {
  BASELINE_CREATE_REPORT,
  BASELINE_HEALTH,
  BASELINE_REPORT,
  CREATE_REPORT,
  HEALTH,
  REPORT,
  analysisInput,
  body,
  reportInput,
} from '../lib/operations.js';
import { startProbeProcess } from '../lib/probe-process.js';
import type { ProbeStats } from '../lib/probe-protocol.js';
import { withServer, type ServerProcess } from '../lib/processes.js';
import { ratio, serviceEnv, type BenchContext, type Row, type Scenario } from '../lib/scenario.js';
import { formatMs, summarize, type Summary } from '../lib/stats.js';

/** About 2 s of simulation per long report at ~2 M simulated years/s. */
const LONG_YEARS = 4_000_000;
const SMALL_YEARS = 1_000;
const RATE = 450;
const PROBE_EVERY_MS = 20;
const DRAIN_MS = 2_000;

/**
 * Long reports that keep `workers` threads busy through the window, the drain and the check after it,
 * with two reports per thread to spare (a simulation that runs faster than ~2 s must not leave a
 * thread idle; the spare ones just wait in the queue).
 */
export function longReportsFor(windowMs: number, workers: number): number {
  return (Math.ceil((windowMs + DRAIN_MS) / 2_000) + 2) * workers;
}

export interface LoadedFigures {
  health: Summary;
  healthErrors: number;
  eld: ProbeStats['eld'] | null;
  mix: Record<string, Summary & { errors: number; unanswered: number; skipped: number }>;
}

type Flavour = 'ours' | 'baseline';

/** The mixed traffic: 40 % createReport (small), 40 % report lookups, 20 % health. */
function mixFor(flavour: Flavour): Operation[] {
  const ids: string[] = [];
  let variant = 0;
  const remember = (data: Record<string, unknown>): void => {
    const id = (data['createReport'] as { id?: string } | undefined)?.id;
    if (id) ids.push(id);
    if (ids.length > 1_000) ids.splice(0, 500);
  };
  const create: Operation =
    flavour === 'ours'
      ? { name: 'createReport', body: () => body(CREATE_REPORT, { input: reportInput({ years: SMALL_YEARS, variant: variant++ }) }), onData: remember }
      : { name: 'createReport', body: () => body(BASELINE_CREATE_REPORT, { input: analysisInput({ years: SMALL_YEARS, variant: variant++ }) }), onData: remember };
  const lookup: Operation = {
    name: 'report',
    body: () => body(flavour === 'ours' ? REPORT : BASELINE_REPORT, { id: ids[Math.floor(Math.random() * ids.length)] ?? 'none' }),
  };
  const health: Operation = { name: 'health', body: () => body(flavour === 'ours' ? HEALTH : BASELINE_HEALTH) };
  return [create, lookup, health, create, lookup];
}

/** Saturates the pool, then runs the probe and the mixed traffic together for `windowMs`. */
export async function measureUnderLoad(
  server: ServerProcess,
  flavour: Flavour,
  options: { longReports: number; windowMs: number; headers?: Record<string, string> },
): Promise<LoadedFigures> {
  const headers = options.headers ?? {};
  const control = new HttpClient(server.url, { maxSockets: 64, headers });
  const traffic = new HttpClient(server.url, { maxSockets: 64, headers });
  try {
    const long = Array.from({ length: options.longReports }, (_, i) =>
      flavour === 'ours'
        ? body(CREATE_REPORT, { input: reportInput({ years: LONG_YEARS, timeoutSeconds: 600, variant: 1_000 + i }) })
        : body(BASELINE_CREATE_REPORT, { input: analysisInput({ years: LONG_YEARS, variant: 1_000 + i }) }),
    );
    // The probe connects and warms up while the server is still idle.
    const probeProcess = await startProbeProcess({
      url: server.url,
      payload: body(flavour === 'ours' ? HEALTH : BASELINE_HEALTH),
      everyMs: PROBE_EVERY_MS,
      durationMs: options.windowMs,
      headers,
    });
    // Reset the in-server figures while the server is still idle: a blocked loop answers IPC late too.
    await server.call('reset');
    // Ours answers at once (QUEUED); the Blocking baseline answers when each long simulation is done,
    // so its requests are left in flight while the window runs.
    const longRequests = long.map((payload) => control.post(payload, options.windowMs + 120_000).catch(() => undefined));
    if (flavour === 'ours') await Promise.all(longRequests);
    const [probe, mix] = await Promise.all([
      probeProcess.run(),
      runLoad({ client: traffic, mix: mixFor(flavour), ratePerSecond: RATE, durationMs: options.windowMs, drainMs: DRAIN_MS }),
    ]);
    if (flavour === 'ours') {
      // The figures mean nothing unless the simulations really kept every worker busy to the end.
      const { health } = (await control.data(body(HEALTH))) as { health: { running: number; workers: number } };
      if (health.running < health.workers) throw new Error(`the pool was not saturated: ${health.running} of ${health.workers} workers busy`);
    }
    // A blocked loop answers IPC late too: give it a while, then report the delay as unknown.
    const stats = await server.call<ProbeStats>('stats', undefined, 15_000).catch(() => null);
    return {
      health: summarize(probe.latencies),
      healthErrors: probe.errors,
      eld: stats?.eld ?? null,
      mix: Object.fromEntries(
        [...mix.entries()].map(([name, s]) => [name, { ...summarize(s.latencies), errors: s.errors, unanswered: s.unanswered, skipped: s.skipped }]),
      ),
    };
  } finally {
    control.close();
    traffic.close();
  }
}

export const responsiveness: Scenario = {
  name: 'responsiveness',
  title: 'Event-loop responsiveness under load',
  async run(context: BenchContext) {
    const windowMs = context.quick ? 2_000 : 10_000;
    // Enough long simulations to keep every worker busy for the whole window (~2 s each).
    const workerCounts = [...new Set([1, Math.max(1, context.cores)])];
    const ours = new Map<number, LoadedFigures>();
    for (const workers of workerCounts) {
      context.log(`ours, WORKERS=${workers}`);
      ours.set(
        workers,
        await withServer(
          { name: `ours-w${workers}`, script: 'src/main.ts', env: serviceEnv(context, { WORKERS: String(workers), MAX_QUEUE: '100000' }), nodeFlags: context.nodeFlags },
          (server) => measureUnderLoad(server, 'ours', { longReports: longReportsFor(windowMs, workers), windowMs }),
        ),
      );
    }
    context.log('blocking baseline');
    const blocking = await withServer(
      { name: 'blocking', script: 'bench/baselines/blocking.ts', env: serviceEnv(context), nodeFlags: context.nodeFlags },
      (server) => measureUnderLoad(server, 'baseline', { longReports: longReportsFor(windowMs, 1), windowMs }),
    );

    const chosen = ours.get(context.defaultWorkers) ?? ours.get(1)!;
    const eldOf = (f: LoadedFigures): number => f.eld?.p99 ?? Number.NaN;
    const blockingEld = blocking.eld ? formatMs(blocking.eld.p99) : `≥ ${formatMs(blocking.health.max)} (no answer)`;
    const blockingEldValue = blocking.eld?.p99 ?? blocking.health.max;
    const rows: Row[] = [
      {
        figure: `{ health } p99, pool saturated + 500 req/s (WORKERS=${context.defaultWorkers})`,
        ours: formatMs(chosen.health.p99),
        baseline: formatMs(blocking.health.p99),
        ratio: ratio(blocking.health.p99 / chosen.health.p99),
        goal: '≤ 5 ms; ≥ 100x',
        pass: chosen.health.p99 <= 5 && blocking.health.p99 / chosen.health.p99 >= 100,
      },
      {
        figure: '{ health } p50, same load',
        ours: formatMs(chosen.health.p50),
        baseline: formatMs(blocking.health.p50),
        ratio: ratio(blocking.health.p50 / chosen.health.p50),
        goal: '—',
        pass: null,
      },
      {
        figure: 'event-loop delay p99 (monitorEventLoopDelay), same load',
        ours: formatMs(eldOf(chosen)),
        baseline: blockingEld,
        ratio: ratio(blockingEldValue / eldOf(chosen)),
        goal: '≥ 100x',
        pass: blockingEldValue / eldOf(chosen) >= 100,
      },
    ];
    for (const [workers, figures] of ours) {
      if (workers === context.defaultWorkers) continue;
      rows.push({
        figure: `{ health } p99 / loop delay p99 with WORKERS=${workers}`,
        ours: `${formatMs(figures.health.p99)} / ${formatMs(eldOf(figures))}`,
        baseline: '—',
        ratio: '—',
        goal: '(worker-count choice)',
        pass: null,
      });
    }
    const figures: Record<string, number> = {};
    for (const [workers, f] of ours) {
      figures[`health_p99_w${workers}`] = f.health.p99;
      figures[`health_p50_w${workers}`] = f.health.p50;
      figures[`eld_p99_w${workers}`] = eldOf(f);
      figures[`mix_create_p99_w${workers}`] = f.mix['createReport']?.p99 ?? Number.NaN;
    }
    figures['health_p99_blocking'] = blocking.health.p99;
    const mixLine = (name: string, f: LoadedFigures): string =>
      Object.entries(f.mix)
        .map(([op, s]) => `${op} p99 ${formatMs(s.p99)} (${s.count} answered, ${s.errors} errors, ${s.unanswered} unanswered, ${s.skipped} not sent)`)
        .join('; ')
        .replace(/^/, `${name}: `);
    return {
      rows,
      figures,
      notes: [
        `Window ${windowMs / 1000} s. Long simulations: ${LONG_YEARS.toLocaleString('en-US')} years each (~2 s), enough to keep every worker busy throughout; ` +
          `the Blocking baseline gets the same requests and computes them on its event loop.`,
        `Probe: one \`{ health }\` every ${PROBE_EVERY_MS} ms (or right after a late answer) on one keep-alive connection, from a process of its own (bench/lib/probe-process.ts) so the load generator's work does not delay its reads; latency from send to answer.`,
        `Mixed traffic: ${RATE} req/s open-loop (40 % createReport with ${SMALL_YEARS.toLocaleString('en-US')} simulated years, 40 % report lookups, 20 % health), at most 512 outstanding.`,
        `Event-loop delay: monitorEventLoopDelay (1 ms resolution) inside the server, reset when the window starts; the figure is the delay beyond the 1 ms sampling interval.`,
        ...[...ours.entries()].map(([w, f]) => mixLine(`ours WORKERS=${w}`, f)),
        mixLine('blocking', blocking),
      ],
    };
  },
};
