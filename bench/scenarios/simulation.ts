/** Simulation speed: hazard-years per second on one core (bench/analyzer.bench.ts in a child process). */
import { runJsonScript } from '../lib/run-script.js';
import type { Scenario } from '../lib/scenario.js';
import { formatCount } from '../lib/stats.js';

interface SpeedFigures {
  years: number;
  seconds: number;
  yearsPerSecond: number;
  hazardYearsPerSecond: number;
  curveEvaluationsPerSecond: number;
}

const GOAL = 5_000_000;

export const simulation: Scenario = {
  name: 'simulation',
  title: 'Simulation speed',
  async run(context) {
    const years = context.quick ? 400_000 : 2_000_000;
    const runs = context.quick ? 1 : 3;
    const figures: SpeedFigures[] = [];
    for (let i = 0; i < runs; i += 1) {
      figures.push(await runJsonScript<SpeedFigures>('bench/analyzer.bench.ts', ['--years', String(years), '--json'], context.nodeFlags, 120_000));
    }
    const best = figures.reduce((a, b) => (b.hazardYearsPerSecond > a.hazardYearsPerSecond ? b : a));
    return {
      rows: [
        {
          figure: 'hazard-years per second, one core',
          ours: `${(best.hazardYearsPerSecond / 1e6).toFixed(0)} M`,
          baseline: '—',
          ratio: `${(best.hazardYearsPerSecond / GOAL).toFixed(0)}x the goal`,
          goal: '≥ 5 M',
          pass: best.hazardYearsPerSecond >= GOAL,
        },
      ],
      figures: { simulation_hazard_years_per_s: best.hazardYearsPerSecond },
      notes: [
        `bench/analyzer.bench.ts in a child process: assessRiskSync on one thread, ${formatCount(years)} simulated years after a JIT warm-up; best of ${runs}.`,
        `${formatCount(best.yearsPerSecond)} simulated years/s; the goal counts 72 hazard-years per simulated year (8 hazards × 9 scenario cells): ${formatCount(best.hazardYearsPerSecond)} hazard-years/s. ` +
          `What the inner loop really evaluates (every acute hazard in every cell, the baseline included): ${formatCount(best.curveEvaluationsPerSecond)} curve evaluations/s.`,
        `Runs: ${figures.map((f) => `${(f.hazardYearsPerSecond / 1e6).toFixed(0)} M`).join(', ')}.`,
      ],
    };
  },
};
