/**
 * Simulation speed on one core: `npm run bench:analyzer [-- --years N] [-- --json]`.
 *
 * Prints simulated years per second and hazard-years per second. The goal counts 8 hazards × 9 scenario
 * cells = 72 hazard-years per simulated year; we also print what the inner loop really evaluates (every
 * acute hazard in every cell, the baseline included), so the figure can be read either way.
 */
import { performance } from 'node:perf_hooks';
import { assessRiskSync } from '../src/analysis/assess.js';
import { parseAnalysisInput } from '../src/analysis/input.js';

const GOAL_HAZARD_YEARS_PER_SECOND = 5_000_000;
const HAZARD_YEARS_PER_YEAR = 72;

const yearsArg = process.argv.indexOf('--years');
const years = yearsArg > 0 ? Number(process.argv[yearsArg + 1]) : 2_000_000;
const input = parseAnalysisInput({
  location: { latitude: 35.1566, longitude: 129.145, elevationM: 3, distanceToCoastKm: 0.1 },
  asset: { value: 50_000_000_000 },
  params: { simulationYears: years, includeNarrative: false },
});

// Warm up the JIT so the figure is the steady state a worker thread reaches after its first report.
assessRiskSync({ ...input, params: { ...input.params, simulationYears: 200_000 } });

const start = performance.now();
const result = assessRiskSync(input);
const seconds = (performance.now() - start) / 1000;

const cells = result.scenarios.length;
const acute = result.scenarios[0]!.hazards.filter((h) => h.kind === 'ACUTE').length;
const yearsPerSecond = years / seconds;
const hazardYearsPerSecond = yearsPerSecond * HAZARD_YEARS_PER_YEAR;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ years, seconds, yearsPerSecond, hazardYearsPerSecond, curveEvaluationsPerSecond: yearsPerSecond * acute * cells }));
  process.exit(0);
}
const rows = [
  ['simulated years', years.toLocaleString('en-US')],
  ['wall time', `${seconds.toFixed(2)} s`],
  ['simulated years / s', Math.round(yearsPerSecond).toLocaleString('en-US')],
  ['hazard-years / s (72 per year, as the goal counts)', Math.round(hazardYearsPerSecond).toLocaleString('en-US')],
  [`curve evaluations / s (${acute} acute hazards × ${cells} cells)`, Math.round(yearsPerSecond * acute * cells).toLocaleString('en-US')],
  ['goal', `${GOAL_HAZARD_YEARS_PER_SECOND.toLocaleString('en-US')} hazard-years / s`],
  ['ratio to goal', `${(hazardYearsPerSecond / GOAL_HAZARD_YEARS_PER_SECOND).toFixed(1)}x`],
];
for (const [k, v] of rows) console.log(`${k!.padEnd(58)} ${v}`);
