/**
 * The prose of bench/RESULTS.md: the conditions of the run, the worker-count choice from this run's
 * figures, the fixes the measures led to, and what limits each figure that misses its goal.
 */
import { formatMs } from './stats.js';
import type { ScenarioOutcome } from './report.js';

/** Why a figure misses, as found by profiling (bench/lib/profile-summary.ts, --cpu-prof, GC traces). */
const LIMITS: Readonly<Record<string, string>> = {
  responsiveness:
    'No step of ours blocks the event loop under this load (see its delay p99). What remains in the probe\'s p99 are young-generation ' +
    'GC pauses of the HTTP and GraphQL stack and pauses of this virtual machine itself (idle processes here see 10-100 ms stalls now ' +
    'and then); compare the trivial mutation server\'s own one-at-a-time p99 under "Accept rate".',
  accept:
    'The ratio, not the rate. Without the per-request stream that yoga\'s body limit piped every request through (see the fixes), ' +
    'the trivial mutation costs ~65 µs of event loop per request on this machine, and the ratio asks createReport to stay within 1.25x ' +
    'of that. Answered by a stub service (no validation, no store), the same createReport request already costs ~115 µs ("edge floor" ' +
    'in the notes): graphql-js coerces the nested CreateReportInput (20-odd fields in four input objects; coerceInputValue and ' +
    'graphql-tools\' snapshotInputValue are ~15 % of the event loop) and the larger result is serialised. Our service adds ~80 µs more: ' +
    'zod validation, the mutex-guarded store insert, the queue, the deadline timer, the QUEUED event and a log line; the service call ' +
    'alone measures ~13 µs in a loop, the rest is the garbage and GC of reports that stay in the store (tens of thousands during the ' +
    'window). A compiled executor (graphql-jit) was tried: +15 % for createReport, -10 % for the trivial mutation, and it loads ' +
    'graphql-js a second time (its CommonJS build), so its errors are not GraphQLErrors of ours and were masked as INTERNAL: not adopted. ' +
    'One at a time, the p99 rides on GC pauses and on the two busy workers sharing the cores (compare the trivial mutation\'s own ' +
    'one-at-a-time p99 in the table, and the WORKERS = cores − 1 row).',
  push: 'One event-loop hop after the worker posts its result; the p99 rides on the same GC pauses as the health probe.',
  subscribers:
    'The figure judged is the larger of the RSS with the subscriptions open and idle, and the RSS after the health load that follows ' +
    '("peak seen"): under that load the heap grows by tens of megabytes before V8 collects it. ' +
    'A heap-snapshot diff (3,000 reportFeed subscriptions, one per connection, before our transport) put about 18 KB of heap on each: ' +
    '38 closures, 29 contexts, 9 promises and 4 generators of the async-iterator chain (graphql-ws\'s per-operation emitters, ' +
    'envelop/yoga, the graphql-tools executor\'s flattenAsyncIterable and mapAsyncIterator, our event stream), the WebSocket with its ' +
    'socket, parser and buffers, the upgrade request that `useServer` kept for the connection\'s lifetime, and two timers. Our transport ' +
    'dropped the request and the timers (~15 MB at 10,000 connections), and graphql-js\'s own subscribe the envelop and graphql-tools ' +
    'wrappers (~30 MB more). What remains is graphql-ws\'s per-operation state and emitters, graphql-js\'s iterator wrapper, the ' +
    'WebSocket with its socket, parser and buffers (~6 KB a connection), and our event stream and bus listener (~1 KB). The service ' +
    'starts at ~125 MB (main thread and one worker thread per core, each with its own V8 heap). Multiplexing 10 subscriptions per ' +
    'connection (second row) stays well under 256 MB; one connection each would need a WebSocket layer lighter than ws. The health p99 with them open rides on longer GC pauses: the heap to scan holds them (with 300 probes in the window, three pauses set the p99).',
  deadline: 'Timer resolution and one event-loop hop: the deadline fires a timer, the store commits TIMED_OUT, the frame goes out.',
  burst:
    'One event-loop thread does everything for every subscriber, ~80 µs per report: commit the completion in the store (the mutex ' +
    'serialises them), execute the event\'s selection with graphql-js, stringify it, ' +
    'write the frames, and collect the garbage (~20 % of the window). Writing was ~29 % until our transport put a connection\'s `next` ' +
    'and `complete` into one write (now ~7 %); the 5,000 graphql-ws clients reading the frames run on the same two cores. Our own code ' +
    '(runner, store, bus, event stream) is ~15 % of the server\'s time. A client that selects the result summary in its subscription ' +
    'pays graphql-js execution of it for every subscriber (the second row).',
  llm:
    'Not the LLM wait: the same 100 reports without a narrative take the time in the second row, and the makespan is about L plus ' +
    'that. It is the CPU of 100 reports (accepting them, ~1.7 ms of analysis each, the transitions, the events to the feed, the LLM ' +
    'requests) on two cores that the event loop, the workers, the 100 clients and the mock LLM server all share: in that window the ' +
    'workers\' analyses take 3-9 ms of wall time each instead of 1.7 ms. About 1.2 ms of each analysis is a fixed cost (the heat ' +
    'model\'s work ability: 81 normal-grid points × 12 months × 10 scenario cells), the lever if this figure matters; one worker or ' +
    'two, nice 0 or 10, and yielding to the next report before preparing a narrative each moved the makespan by less than the run-to-run spread.',
  cpu: 'Two worker threads on two cores share them with the event loop, the harness and the OS.',
  memory: 'The report record, its id, timestamps and map entries.',
  simulation: 'The simulation loop itself.',
};

const FIXES = [
  '**A request-body limit without a stream per request** (src/graphql/request-body-limit.ts): graphql-yoga 5.24 limits request bodies by piping ' +
    'every one through a counting TransformStream (a new Request around it, and an AbortController that Node\'s stream pipeline aborts, building a ' +
    'DOMException, when it finishes). On this stack that cost more than the rest of a small request. Ours checks the Content-Length (Node\'s HTTP ' +
    'parser never delivers more than declared) and counts only bodies without one. Trivial mutation ~6,200 → ~14,000 req/s, createReport ~2,300 → ' +
    '~4,500 req/s in the same runs; the one-at-a-time p99 and the health p99 under load fell with the garbage.',
  '**The service runs compiled** (`npm run build`: tsc into dist/server/, `npm start`: plain node): under tsx, a loader thread with its own V8 heap ' +
    'and the TypeScript hooks cost ~60 MB of RSS at start (188 → 130 MB idle). The bench compiles its servers the same way (tsconfig.bench.json).',
  '**A worker on every core** (src/workers/pool.ts, defaultWorkerCount): see "Default worker count".',
  '**Our own graphql-ws transport** (src/graphql/graphql-ws.ts, over graphql-ws\'s makeServer instead of its useServer): a connection\'s frames of one tick ' +
    'leave in one write (writev went from ~29 % to ~7 % of the 5,000-report burst), one heartbeat timer for all connections that pings a slice of them ' +
    'every 50 ms (a first version pinged all 10,000 in one tick, a stall that put { health } p99 with them open at 20-37 ms; sliced, ~10 ms), the upgrade request not kept ' +
    'per connection (~15 MB at 10,000 connections), and a client that stops reading is dropped past 4 MiB of unread frames.',
  '**Subscriptions over graphql-ws run on graphql-js\'s subscribe** (same file; parsing, validation, context and error masking stay yoga\'s): envelop and the ' +
    'graphql-tools executor wrapped each event stream in several more async iterators. In paired runs: RSS with 10,000 subscriptions 299 → 268 MB, ' +
    '10 per connection 245 → 201 MB, the 5,000-report burst 452 → 401 ms.',
  '**GraphQL input reaches zod as plain objects** (src/graphql/types/report-input.ts, withoutNulls): graphql-js hands resolvers null-prototype ' +
    'objects, which V8 keeps in dictionary mode; zod read them at ~17 µs per CreateReportInput in the server, against ~2.5 µs for the same input as plain objects.',
  '**Removing queued reports from the head is O(1)** (src/reports/memory/queue.ts): queued reports time out, and are interrupted at shutdown, in ' +
    'the order they were queued; each removal spliced the tenant\'s FIFO (4 % of the event loop in the accept-rate run, quadratic at shutdown).',
  '**Worker threads yield to the event loop** (src/workers/thread-priority.ts, pool option `niceness`, default 19 since a worker runs on every core, 10 before): each analysis thread lowers its own Linux nice value. ' +
    'With equal priority, three busy threads (event loop, simulation, load generator) shared two cores fairly and the event loop got two thirds of one. In paired ' +
    'quick runs (nice 0 against nice 19), createReport accepted ~15 % more requests per second with niced workers, and the event-loop delay p99 with a worker ' +
    'on every core fell from ~10 ms to ~4 ms. With a worker on every core, nice 19 against 10 raised the accept rate from ~3,950 to ~4,350 req/s, lowered ' +
    'createReport\'s one-at-a-time p99 (5.2 → 4.0 ms) and left the simulation throughput and the LLM makespan as they were.',
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
      'given with its notes; a scenario above 5 % is marked "disturbed" in the table. The service runs as `npm start` runs it: compiled by ' +
      'tsc and run by plain node (src/main.ts, or bench/servers/ours.ts where a measure needs a probe worker or a held pool; tsconfig.bench.json), ' +
      'NODE_ENV=production, LOG_LEVEL=info to a file.',
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
        ? `The default is therefore WORKERS = cores where worker threads can be niced (Linux), and cores − 1 elsewhere: a worker on every core multiplies ` +
            `the CPU throughput by ${scale.toFixed(2)}, and a niced worker thread yields to the event loop whenever a request arrives, so its latency held. ` +
            `Across the full runs made for this choice, WORKERS=${cores} had the lower event-loop delay p99 every time and usually the lower { health } p99; ` +
            'a likely reason, not verified, is that an idle virtual CPU is descheduled by the host and takes time to wake. Set WORKERS=cores − 1 where other ' +
            'busy processes share the cores.'
        : `These numbers do not support a worker on every core on this machine: the event-loop latency got worse with it (${formatMs(wc)} against ${formatMs(w1)}); ` +
            'the default (cores on Linux) should be revisited.',
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
