/**
 * Scenario drivers: global warming, sea-level rise and the change of extremes per SSP and horizon.
 * Sources are tagged as in DOMAIN.md: [S] read in the source, [K] known from the literature, [A] ours.
 */
import type { FutureScenario, Horizon, Scenario } from './input.js';

/** Global warming 1995–2014 above 1850–1900, °C (AR6 WGI SPM.8 caption) [S]. */
export const BASELINE_GWL_C = 0.85;
/** Mid-year of the 1995–2014 baseline: subsidence accumulates from here. */
export const BASELINE_YEAR = 2005;

/** Global warming level, °C above 1850–1900: AR6 WGI Table SPM.1 (2050, 2100 [S]; 2030 [K]). */
const GWL_C: Record<FutureScenario, Record<Horizon, number>> = {
  SSP1_2_6: { 2030: 1.5, 2050: 1.7, 2100: 1.8 },
  SSP2_4_5: { 2030: 1.5, 2050: 2.0, 2100: 2.7 },
  SSP5_8_5: { 2030: 1.6, 2050: 2.4, 2100: 4.4 },
};

/** Global mean sea-level rise, m above 1995–2014: AR6 WGI Table 9.9 medians (2050 [S], others [K]). */
const GMSL_M: Record<FutureScenario, Record<Horizon, number>> = {
  SSP1_2_6: { 2030: 0.09, 2050: 0.19, 2100: 0.44 },
  SSP2_4_5: { 2030: 0.09, 2050: 0.2, 2100: 0.56 },
  SSP5_8_5: { 2030: 0.1, 2050: 0.23, 2100: 0.77 },
};

/** AR6 WGI Fig. SPM.6 frequency multipliers of 10-year events at 1, 1.5, 2 and 4 °C [K]. */
const SPM6_GWL = [1, 1.5, 2, 4] as const;
const HEAVY_RAIN_FREQUENCY = [1.3, 1.5, 1.7, 2.7] as const;
const DROUGHT_FREQUENCY = [1.7, 2.0, 2.4, 4.1] as const;

/** Knutson et al. (2020) at +2 °C: TC intensity +5 %, frequency −14 % [K]; scaled linearly in ΔG. */
const TC_INTENSITY_PER_C = 0.05 / 2;
const TC_FREQUENCY_PER_C = -0.14 / 2;

/** One cell of the analysis: the historical baseline or a scenario at a horizon. */
export interface ScenarioCell {
  scenario: Scenario;
  horizon: Horizon | null;
  gwlC: number;
  /** Warming above the 1995–2014 baseline, °C. */
  deltaGwlC: number;
  slrM: number;
  /** Calendar year the cell stands for (the baseline's mid-year for HISTORICAL). */
  year: number;
}

export const HISTORICAL_CELL: ScenarioCell = {
  scenario: 'HISTORICAL',
  horizon: null,
  gwlC: BASELINE_GWL_C,
  deltaGwlC: 0,
  slrM: 0,
  year: BASELINE_YEAR,
};

export function scenarioCell(scenario: FutureScenario, horizon: Horizon): ScenarioCell {
  const gwlC = GWL_C[scenario][horizon];
  return { scenario, horizon, gwlC, deltaGwlC: gwlC - BASELINE_GWL_C, slrM: GMSL_M[scenario][horizon], year: horizon };
}

/** The baseline first, then every scenario × horizon in the order asked. */
export function scenarioCells(scenarios: readonly FutureScenario[], horizons: readonly Horizon[]): ScenarioCell[] {
  return [HISTORICAL_CELL, ...scenarios.flatMap((s) => horizons.map((h) => scenarioCell(s, h)))];
}

/**
 * Piecewise-linear through the SPM.6 points; below 1 °C towards a multiplier of 1 at 0 °C, above 4 °C
 * along the last segment [A].
 */
function spm6Multiplier(values: readonly number[], gwlC: number): number {
  const xs = [0, ...SPM6_GWL];
  const ys = [1, ...values];
  let i = 1;
  while (i < xs.length - 1 && gwlC > xs[i]!) i++;
  const x0 = xs[i - 1]!;
  const x1 = xs[i]!;
  return ys[i - 1]! + ((ys[i]! - ys[i - 1]!) * (gwlC - x0)) / (x1 - x0);
}

/** How much more frequent a heavy 1-day rain is than in the baseline. */
export function heavyRainFrequencyRatio(cell: ScenarioCell): number {
  return spm6Multiplier(HEAVY_RAIN_FREQUENCY, cell.gwlC) / spm6Multiplier(HEAVY_RAIN_FREQUENCY, BASELINE_GWL_C);
}

/** How much more frequent an agricultural/ecological drought is than in the baseline. */
export function droughtFrequencyRatio(cell: ScenarioCell): number {
  return spm6Multiplier(DROUGHT_FREQUENCY, cell.gwlC) / spm6Multiplier(DROUGHT_FREQUENCY, BASELINE_GWL_C);
}

export function cycloneIntensityFactor(cell: ScenarioCell): number {
  return 1 + TC_INTENSITY_PER_C * cell.deltaGwlC;
}

export function cycloneFrequencyRatio(cell: ScenarioCell): number {
  return 1 + TC_FREQUENCY_PER_C * cell.deltaGwlC;
}

/** Clausius–Clapeyron: extreme rain intensity +7 % per °C of local warming [K]. */
export const RAIN_INTENSITY_PER_C = 0.07;
