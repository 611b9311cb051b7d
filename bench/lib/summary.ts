/**
 * The prose of bench/RESULTS.md: the conditions of the run, the worker-count choice from this run's
 * figures, the fixes the measures led to, and what limits each figure that misses its goal.
 */
import { formatMs } from './stats.js';
import type { ScenarioOutcome } from './report.js';

/** Why a figure misses, as found by profiling (bench/lib/profile-summary.ts, --cpu-prof, GC traces). */
const LIMITS: Readonly<Record<string, string>> = {
  responsiveness:
    'No step of ours blocks the event loop under this load: its delay p99 stays under 4 ms. What remains in the probe\'s p99 are ' +
    'young-generation GC pauses of the HTTP and GraphQL stack (yoga, whatwg-node and graphql-js allocate ~130-200 KB per request, so a ' +
    'scavenge of 3-6 ms comes every ~100 requests; compare the trivial mutation server\'s own one-at-a-time p99 under "Accept rate") ' +
    'and pauses of this virtual machine itself (idle processes here see 10-100 ms stalls now and then). Larger or smaller ' +
    'young generations (--max-semi-space-size 4 … 64) did not help.',
  accept:
    'The GraphQL stack, not the report service. The same createReport request answered by a stub service (no validation, no store) ' +
    'reaches only the "edge floor" in the notes (~60 % of the trivial mutation): yoga and graphql-js parse and coerce the nested ' +
    'CreateReportInput (20-odd fields in four input objects) for every request. Our service then adds zod validation, the mutex-guarded ' +
    'store insert, the QUEUED event, the deadline timer and a log line. One event-loop thread does all of it (92 % busy in the window) ' +
    'while autocannon and the workers share the other core. One at a time, the p99 is set by GC pauses (a 3-5 ms scavenge every ~100 ' +
    'requests); the trivial mutation server\'s own one-at-a-time p99 is in the table for comparison. A compiled executor (graphql-jit through ' +
    '@envelop/graphql-jit, not installed) would attack the edge floor.',
  push: 'One event-loop hop after the worker posts its result; the p99 rides on the same GC pauses as the health probe.',
  subscribers:
    'Each open subscription costs about 12 KB of heap in graphql-ws, envelop/yoga (a per-operation context and plugin state) and the ' +
    'graphql-js subscription machinery (nested async-iterator wrappers with their promises and closures), against about 1 KB in our event ' +
    'stream and bus listener; each WebSocket connection adds about 6 KB more. The service starts at ~170-180 MB RSS under tsx (main ' +
    'thread, the tsx loader thread, the worker thread, each with its own V8 heap); compiled with tsc and run by plain node it starts ' +
    '~75 MB lower. Under load the heap grows further before V8 collects it (the "peak seen"). The health p99 with them open rides on ' +
    'longer GC pauses: the heap to scan holds the 10,000 subscriptions.',
  deadline: 'Timer resolution and one event-loop hop: the deadline fires a timer, the store commits TIMED_OUT, the frame goes out.',
  burst:
    'One event-loop thread does everything for every subscriber, 90-170 µs per report across runs (a mark-compact GC falling inside the ' +
    'burst makes the difference): commit the completion in the store (the mutex ' +
    'serialises them), execute the event\'s selection with graphql-js, stringify it, write two frames per subscriber (`next`, then ' +
    '`complete`: 10,000 writev calls, ~28 % of the time) and collect the garbage (~20 %). Our own code (runner, store, bus, event stream) ' +
    'is ~15 % of it after the fixes listed above. A client that selects the result summary in its subscription pays graphql-js execution of ' +
    'it for every subscriber (the second row).',
  llm:
    'The last narrative request leaves ~0.6 s after the first: with one worker the CPU parts run one after another, ~3 ms of analyzer ' +
    'per report even at 1,000 years (a fixed cost, mostly the heat model\'s work-ability computation in src/analysis/hazards/heat.ts), ' +
    'and the event loop spends ~5 ms per report meanwhile (accepting the request, the transitions and events, and ~2 ms preparing the ' +
    'narrative: src/analysis/narrative/wording.ts builds a new Intl.NumberFormat for every figure). Two workers did not shorten it (the ' +
    'event loop is then the bottleneck); caching the Intl.NumberFormat objects cut the event loop\'s work by a third in a trial but the ' +
    'makespan only to 1.59 L. Both causes live in src/analysis, outside this change.',
  cpu: 'Two worker threads on two cores share them with the event loop, the harness and the OS.',
  memory: 'The report record, its id, timestamps and map entries.',
  simulation: 'The simulation loop itself.',
};

const FIXES = [
  '**Worker threads yield to the event loop** (src/workers/thread-priority.ts, pool option `niceness`, default 10): each analysis thread lowers its own Linux nice value. ' +
    'With equal priority, three busy threads (event loop, simulation, load generator) shared two cores fairly and the event loop got two thirds of one. In paired ' +
    'quick runs (nice 0 against nice 19), createReport accepted ~15 % more requests per second with niced workers, and the event-loop delay p99 with a worker ' +
    'on every core fell from ~10 ms to ~4 ms.',
  '**An aborted report stops at its next chunk and keeps its warm thread** (src/workers/pool.ts, task.ts, protocol.ts): the pool first asks the task to stop (a message on its port, ' +
    'an AbortSignal in the worker that assessRisk checks between chunks) and terminates the thread only if it has not stopped within 25 ms. Before, every timeout or cancel ' +
    'terminated the thread and the next queued report waited ~300 ms for a fresh thread to load tsx and the analyzer.',
  '**GraphiQL is loaded on first use** (src/graphql/yoga.ts): @graphql-yoga/render-graphiql inlines GraphiQL\'s bundle; imported at start-up it held ~30 MB of heap (the module text and ' +
    'the exported string) in every process. Idle RSS of the service fell from ~250 MB to ~180 MB, and every major GC has that much less to mark.',
  '**Report ids are flat strings** (src/reports/report-id.ts): crypto.randomUUID() builds its result from ~20 concatenated pieces, which V8 keeps as a tree of cons strings (~490 bytes); ' +
    'copied once, an id takes ~50 bytes. Heap per stored report beyond its payload fell from ~850 to ~400 bytes.',
  '**Completed reports share one frozen `progress` object** (src/reports/lifecycle.ts) instead of one each.',
  '**A completing report is not aborted by its own completion** (src/reports/runner.ts): the service aborts the work of every report that reaches a final ' +
    'state; for a report the runner itself completed, that only built an Error with its stack trace: ~5 % of the event loop\'s time in the 5,000-report burst.',
  '**queuePosition is a binary search, taking from the queue moves an index** (src/reports/memory/queue.ts): createReport asks for the position of the new report, which scanned its ' +
    'tenant\'s whole FIFO (7 % of the event loop\'s time with tens of thousands queued in the accept-rate run); shifting a long array was linear too.',
  '**The store warns once, not on every insert, while live reports alone exceed its bound** (src/reports/memory/store.ts).',
];

export function summarize(outcomes: readonly ScenarioOutcome[], figures: Record<string, number>, cores: number): string {
  const lines: string[] = [];
  lines.push('## Conditions', '');
  lines.push(
    `Everything ran on this ${cores}-core machine at once: the servers under test (child processes, 127.0.0.1), the load generators (autocannon, the ` +
      'graphql-ws and HTTP clients, the mock LLM server) in the harness process, and a health probe in a process of its own. The load generator takes CPU ' +
      'from the server it measures, so absolute throughputs are lower than on a dedicated machine; ratios measured in the same run (ours against its ' +
      'baseline, createReport against the trivial mutation) are the figures to trust. The share of CPU that other processes used during each scenario is ' +
      'given with its notes; a scenario above 5 % is marked "disturbed" in the table. The service runs as `npm start` runs it: TypeScript through tsx ' +
      '(src/main.ts, or bench/servers/ours.ts where a measure needs a probe worker or a held pool), NODE_ENV=production, LOG_LEVEL=info to a file.',
    '',
  );

  const w1 = figures['health_p99_w1'];
  const wc = figures[`health_p99_w${cores}`];
  const r1 = figures['cpu_reports_per_s_w1'];
  const rc = figures[`cpu_reports_per_s_w${cores}`];
  if (cores > 1 && w1 !== undefined && wc !== undefined && r1 !== undefined && rc !== undefined) {
    const a1 = figures[`accept_ours_rps_w${cores - 1}`];
    const ac = figures[`accept_ours_rps_w${cores}`];
    const acceptLine = a1 !== undefined && ac !== undefined ? `; createReport accepted ${Math.round(a1)} req/s with WORKERS=${cores - 1} and ${Math.round(ac)} with WORKERS=${cores}` : '';
    const scale = rc / r1;
    const latencyHolds = wc <= Math.max(5, 1.2 * w1);
    lines.push('## Default worker count', '');
    lines.push(
      `Measured on ${cores} cores with the worker threads niced (see the fixes below): WORKERS=${cores - 1} gave { health } p99 ${formatMs(w1)} ` +
        `(event-loop delay p99 ${formatMs(figures[`eld_p99_w${cores - 1}`] ?? Number.NaN)}) under a saturated pool and 500 req/s, WORKERS=${cores} gave ${formatMs(wc)} ` +
        `(${formatMs(figures[`eld_p99_w${cores}`] ?? Number.NaN)}); pure-simulation throughput was ${r1.toFixed(2)} reports/s with one worker ` +
        `and ${rc.toFixed(2)} with ${cores} (${scale.toFixed(2)}x)${acceptLine}.`,
      '',
      latencyHolds
        ? `These numbers support WORKERS = cores on this machine: a worker on every core multiplies the CPU throughput by ${scale.toFixed(2)}, and with niced worker threads ` +
            'the event loop still preempts a simulation whenever a request arrives, so its latency held. Across the full runs made for this change, ' +
            `WORKERS=${cores} had the lower event-loop delay p99 every time and usually the lower { health } p99; ` +
            'a likely reason, not verified, is that an idle virtual CPU is descheduled by the host and takes time to wake. The code default is still max(1, cores − 1) ' +
            '(DESIGN.md, README.md and test/integration/start-up.test.ts say so); switching is the maintainers\' call. Keep cores − 1 where threads cannot be ' +
            'niced (not Linux) or where other busy processes share the cores.'
        : `These numbers support the default, max(1, cores − 1): with a worker on every core the event-loop latency got worse (${formatMs(wc)} against ${formatMs(w1)}).`,
      '',
    );
  }

  lines.push('## Fixes made because of these measures', '', ...FIXES.map((fix) => `- ${fix}`), '');

  const missed = outcomes.filter((o) => o.result?.rows.some((row) => row.pass === false));
  if (missed.length > 0) {
    lines.push('## What limits the figures that miss', '');
    for (const outcome of missed) {
      const rows = outcome.result!.rows.filter((row) => row.pass === false).map((row) => row.figure);
      lines.push(`- **${outcome.title}** (${rows.join('; ')}): ${LIMITS[outcome.name] ?? 'see the notes below.'}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
