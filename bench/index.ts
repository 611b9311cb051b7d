/**
 * `npm run bench [-- --quick] [-- --only a,b] [-- --results <file>] [-- --cpu-prof]`: every measure of the
 * issue, in one run, against its baseline where there is one. Real servers run as child processes on
 * 127.0.0.1, driven by real clients (autocannon, graphql-ws, HTTP); the mock LLM server runs in this
 * process. Prints one table; a full run (no --quick, no --only) writes bench/RESULTS.md, any run writes
 * the file named by --results.
 *
 * --quick shrinks counts and windows (the CI smoke test); --cpu-prof writes a V8 profile of every server
 * process to bench/profiles/ (summarise one with `tsx bench/lib/profile-summary.ts <file>`).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createMockLlmServer } from '../test/fixtures/mock-llm-server.js';
import { defaultWorkerCount } from '../src/workers/pool.js';
import { DisturbanceMeter } from './lib/disturbance.js';
import { describeMachine } from './lib/machine.js';
import { DISTURBED_SHARE, textTable, writeResults, type ScenarioOutcome } from './lib/report.js';
import type { BenchContext, Scenario } from './lib/scenario.js';
import { summarize } from './lib/summary.js';
import { acceptRate } from './scenarios/accept-rate.js';
import { burst } from './scenarios/burst.js';
import { cpuScaling } from './scenarios/cpu-scaling.js';
import { deadline } from './scenarios/deadline.js';
import { llmConcurrency } from './scenarios/llm-concurrency.js';
import { memory } from './scenarios/memory.js';
import { pushLatency } from './scenarios/push-latency.js';
import { responsiveness } from './scenarios/responsiveness.js';
import { simulation } from './scenarios/simulation.js';
import { subscribers } from './scenarios/subscribers.js';

/** In the order of the table. */
const SCENARIOS: readonly Scenario[] = [
  responsiveness,
  llmConcurrency,
  cpuScaling,
  acceptRate,
  pushLatency,
  burst,
  subscribers,
  deadline,
  memory,
  simulation,
];

function parseArgs(argv: readonly string[]): { quick: boolean; only: string[]; cpuProf: boolean; results: string | null } {
  const only: string[] = [];
  let results: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--only' && argv[i + 1]) only.push(...argv[i + 1]!.split(','));
    if (argv[i] === '--results' && argv[i + 1]) results = resolve(argv[i + 1]!);
  }
  return { quick: argv.includes('--quick'), only, cpuProf: argv.includes('--cpu-prof'), results };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const unknown = args.only.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  const selected = args.only.length > 0 ? SCENARIOS.filter((s) => args.only.includes(s.name)) : SCENARIOS;
  const machine = describeMachine();
  const profileDir = fileURLToPath(new URL('./profiles/', import.meta.url));
  if (args.cpuProf) mkdirSync(profileDir, { recursive: true });

  const llm = createMockLlmServer();
  const llmServer = await llm.start();
  const started = performance.now();
  const outcomes: ScenarioOutcome[] = [];
  const figures: Record<string, number> = {};
  try {
    for (const scenario of selected) {
      const context: BenchContext = {
        quick: args.quick,
        llmBaseUrl: `${llmServer.url}/v1`,
        llm,
        nodeFlags: args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        defaultWorkers: defaultWorkerCount(machine.cores),
        cores: machine.cores,
        log: (message) => console.log(`  [${scenario.name}] ${message}`),
        figures,
      };
      console.log(`▶ ${scenario.title}`);
      llm.reset();
      const t0 = performance.now();
      const meter = new DisturbanceMeter();
      try {
        const result = await scenario.run(context);
        Object.assign(figures, result.figures ?? {});
        const foreign = meter.foreignShare(machine.cores);
        if (foreign !== null && foreign > DISTURBED_SHARE) console.log(`  [${scenario.name}] disturbed: other processes used ${(foreign * 100).toFixed(0)} % of the CPU`);
        outcomes.push({ name: scenario.name, title: scenario.title, result, error: null, seconds: (performance.now() - t0) / 1000, foreignCpu: foreign });
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.error(`  [${scenario.name}] failed: ${message}`);
        outcomes.push({
          name: scenario.name,
          title: scenario.title,
          result: null,
          error: message.split('\n')[0] ?? message,
          seconds: (performance.now() - t0) / 1000,
          foreignCpu: meter.foreignShare(machine.cores),
        });
      }
    }
  } finally {
    await llmServer.close();
  }
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(`\nResults (${args.quick ? 'quick run: reduced counts, goals are not judged where counts matter' : 'full run'}; ${Math.round(totalSeconds)} s)\n`);
  console.log(textTable(outcomes));
  const full = !args.quick && args.only.length === 0;
  const path = args.results ?? (full ? fileURLToPath(new URL('./RESULTS.md', import.meta.url)) : null);
  if (path) {
    writeResults({ path, machine, date: new Date(), quick: args.quick, totalSeconds, outcomes, preamble: summarize(outcomes, figures, machine.cores) });
    console.log(`\nWrote ${path}`);
  }
  if (outcomes.some((o) => o.error)) process.exitCode = 1;
}

await main();
