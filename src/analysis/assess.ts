/**
 * The CPU part of an analysis: hazards × scenarios × horizons, vulnerability, Monte-Carlo losses.
 * Pure: the same input gives the same result, in a worker thread or on the main thread.
 */
import { damageAt, expectedAnnualDamage } from './curves.js';
import { HAZARD_MODELS, type HazardModel, type HazardOutcome } from './hazards/index.js';
import type { AnalysisInput } from './input.js';
import { canonicalJson, seedFromText } from './random.js';
import { recommend } from './recommendations.js';
import type { HazardResult, RiskAnalysis, ScenarioResult } from './result.js';
import { type ScenarioCell, scenarioCells } from './scenarios.js';
import { ACUTE_DAMAGE_BANDS, categoryOf, overallRating } from './scoring.js';
import { LossSimulation } from './simulation.js';
import { type Site, localWarmingC, resolveSite } from './site.js';

/** Bumped whenever a change to the model changes figures for the same input. */
export const METHODOLOGY_VERSION = '1.0.0';

export interface AssessOptions {
  /** Stops the simulation between chunks; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with the current stage and 0..100 percent after every chunk; throttle on the receiving side. */
  onProgress?: (stage: string, percent: number) => void;
}

/** Everything computed before the simulation: cheap, and shared by the sync and async drivers. */
interface Plan {
  input: AnalysisInput;
  site: Site;
  cells: ScenarioCell[];
  models: HazardModel[];
  /** outcomes[cell][hazard], in the order of `models`. */
  outcomes: HazardOutcome[][];
  /** Positions in `models` of the hazards with a damage curve. */
  acute: number[];
  simulation: LossSimulation;
}

function plan(input: AnalysisInput): Plan {
  const site = resolveSite(input);
  const cells = scenarioCells(input.params.scenarios, input.params.horizons);
  const models = input.params.hazards.map((h) => HAZARD_MODELS[h]);
  const outcomes = cells.map((cell) => models.map((model) => model.assess(site, cell)));
  const acute = models.flatMap((_, i) => (outcomes[0]![i]!.curve ? [i] : []));
  const simulation = new LossSimulation({
    curves: outcomes.map((row) => acute.map((i) => row[i]!.curve!)),
    years: input.params.simulationYears,
    seed: seedFromText(canonicalJson(figuresInput(input))),
  });
  return { input, site, cells, models, outcomes, acute, simulation };
}

/** The part of the input that the figures depend on: the language and the narrative switch do not. */
function figuresInput(input: AnalysisInput): unknown {
  return { location: input.location, building: input.building, asset: input.asset, params: { ...input.params, includeNarrative: undefined } };
}

/** The analysis without its narrative (`narrative: null`), yielding to the event loop between chunks. */
export async function assessRisk(input: AnalysisInput, options: AssessOptions = {}): Promise<RiskAnalysis> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const p = plan(input);
  while (!p.simulation.finished) {
    p.simulation.runChunk();
    onProgress?.('simulation', simulationPercent(p.simulation));
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
  return summarise(p);
}

/** The same analysis without ever yielding: for callers that own their thread (and the blocking baseline). */
export function assessRiskSync(input: AnalysisInput, options: Pick<AssessOptions, 'onProgress'> = {}): RiskAnalysis {
  const p = plan(input);
  while (!p.simulation.finished) {
    p.simulation.runChunk();
    options.onProgress?.('simulation', simulationPercent(p.simulation));
  }
  return summarise(p);
}

function simulationPercent(simulation: LossSimulation): number {
  return Math.round((1000 * simulation.completedYears) / simulation.years) / 10;
}

function summarise(p: Plan): RiskAnalysis {
  const { input, site, cells, models, outcomes, acute, simulation } = p;
  const assetValue = input.asset.value + input.asset.contentsValue;
  const revenue = input.asset.annualRevenue ?? null;
  const baseline = outcomes[0]!;

  const scenarios: ScenarioResult[] = cells.map((cell, c) => {
    const hazards: HazardResult[] = models.map((model, h) => {
      const outcome = outcomes[c]![h]!;
      const eal = outcome.curve ? expectedAnnualDamage(outcome.curve) : null;
      const loss100 = outcome.curve ? damageAt(outcome.curve, 0.01) : null;
      return {
        hazard: model.hazard,
        kind: model.kind,
        indicator: { ...outcome.indicator, baseline: baseline[h]!.indicator.value },
        hazardScore: outcome.hazardScore,
        category: outcome.category ?? categoryOf(eal ?? 0, ACUTE_DAMAGE_BANDS),
        eal: eal === null ? null : { fraction: eal, amount: eal * assetValue },
        loss100: loss100 === null ? null : { fraction: loss100, amount: loss100 * assetValue },
        disruption:
          outcome.disruption === null
            ? null
            : { fraction: outcome.disruption, amount: revenue === null ? null : outcome.disruption * revenue },
      };
    });
    // Independent hazards: the chance of escaping every one of them multiplies.
    const ealFraction = 1 - acute.reduce((survive, h) => survive * (1 - hazards[h]!.eal!.fraction), 1);
    const losses = simulation.cellLosses(c);
    const chronic = hazards.filter((h) => h.kind === 'CHRONIC').map((h) => h.category);
    const rating = overallRating(ealFraction, chronic);
    return {
      scenario: cell.scenario,
      horizon: cell.horizon,
      gwlC: cell.gwlC,
      localWarmingC: localWarmingC(site, cell),
      slrM: cell.slrM,
      hazards,
      total: {
        ealFraction,
        ealAmount: ealFraction * assetValue,
        loss100Fraction: losses.loss100Fraction,
        loss100Amount: losses.loss100Fraction * assetValue,
        loss250Fraction: losses.loss250Fraction,
        loss250Amount: losses.loss250Fraction * assetValue,
        overallScore: rating.score,
        grade: rating.grade,
        simulation: {
          years: simulation.completedYears,
          meanFraction: losses.meanFraction,
          meanStdError: losses.meanStdError,
          loss100StdError: losses.loss100StdError,
          loss250StdError: losses.loss250StdError,
        },
      },
    };
  });

  return {
    methodologyVersion: METHODOLOGY_VERSION,
    currency: input.asset.currency,
    assetValue,
    dataQuality: { regions: site.regions, nearestKm: site.nearestKm, proxies: site.proxies },
    scenarios,
    recommendations: recommend(scenarios, input.language),
    narrative: null,
  };
}
