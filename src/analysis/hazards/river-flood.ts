/** River flood: the region's 100-year riverside depth, shaped by return period and distance to the river. */
import { RETURN_PERIODS, shiftFrequency } from '../curves.js';
import { type ScenarioCell, heavyRainFrequencyRatio } from '../scenarios.js';
import type { Site } from '../site.js';
import { depthDamageCurve, floodDepthScore, protectedIntensity } from './flood.js';
import type { HazardModel } from './model.js';

/** Depth at each return period relative to the 100-year depth: a physrisk example pixel [S]. */
const DEPTH_SHAPE = [0.06, 0.33, 0.51, 0.72, 0.86, 1, 1.15, 1.16, 1.16];
/** Floodplain depth falls off with distance from the river: e-fold every 500 m [A]. */
const RIVER_DECAY_KM = 0.5;
/** Unknown river distance: low-lying sites get a tenth of the riverside depth, higher ones none [A]. */
const UNKNOWN_RIVER_SHARE = 0.1;
const UNKNOWN_RIVER_MAX_ELEVATION_M = 20;

function riversideShare(site: Site): number {
  if (site.riverKm !== null) return Math.exp(-site.riverKm / RIVER_DECAY_KM);
  return site.elevationM < UNKNOWN_RIVER_MAX_ELEVATION_M ? UNKNOWN_RIVER_SHARE : 0;
}

function historicalDepths(site: Site): number[] {
  const d100 = site.climate.river100DepthM * riversideShare(site);
  return DEPTH_SHAPE.map((s) => d100 * s);
}

/** River floods follow heavy rain: a future T-year flood is the historical (T × ratio)-year one. */
function depths(site: Site, cell: ScenarioCell): number[] {
  return shiftFrequency(historicalDepths(site), heavyRainFrequencyRatio(cell));
}

export const riverFlood: HazardModel = {
  hazard: 'RIVER_FLOOD',
  kind: 'ACUTE',
  assess(site, cell) {
    const future = depths(site, cell);
    const protectedAt = protectedIntensity(historicalDepths(site), site.climate.riverProtectionRp);
    const depth100 = future[RETURN_PERIODS.indexOf(100)]!;
    return {
      indicator: { id: 'flood_depth_rp100_m', value: depth100, unit: 'm' },
      hazardScore: floodDepthScore(depth100),
      curve: depthDamageCurve(site, future, future, protectedAt),
      category: null,
      disruption: null,
    };
  },
};
