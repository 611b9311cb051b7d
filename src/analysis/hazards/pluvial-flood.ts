/** Pluvial flood: hourly rain beyond what the drains carry ponds on the streets and runs into basements. */
import { RETURN_PERIODS } from '../curves.js';
import { RAIN_INTENSITY_PER_C, type ScenarioCell } from '../scenarios.js';
import { type BandEdges, logBandScore } from '../scoring.js';
import { type Site, localWarmingC } from '../site.js';
import { depthDamageCurve } from './flood.js';
import type { HazardModel } from './model.js';

/** Gumbel slope of hourly rain extremes as a share of the 100-year value [A, DOMAIN.md]. */
const RAIN_SLOPE_SHARE = 0.15;
/** Ponding depth per mm/h of excess rain, m, and its cap [A]. */
const DEPTH_PER_EXCESS_MM = 0.01;
const MAX_DEPTH_M = 1.5;
/** Water gathers at low sites and pours down basement ramps; elsewhere half of it stays [A]. */
const LOW_LYING_ELEVATION_M = 10;
const EXPOSED_SHARE = 1;
const SHELTERED_SHARE = 0.5;
/** 100-year hourly rain (mm/h) band edges for the hazard score [A]. */
const HOURLY_RAIN_BANDS: BandEdges = [25, 50, 80, 120];

function rainfall(site: Site, cell: ScenarioCell): number[] {
  const r100 = site.climate.rain100MmPerH;
  const scale = 1 + RAIN_INTENSITY_PER_C * localWarmingC(site, cell);
  return RETURN_PERIODS.map((rp) => (r100 + RAIN_SLOPE_SHARE * r100 * Math.log(rp / 100)) * scale);
}

export const pluvialFlood: HazardModel = {
    hazard: 'PLUVIAL_FLOOD',
    kind: 'ACUTE',
    assess(site, cell) {
      const rain = rainfall(site, cell);
      const exposed = site.elevationM < LOW_LYING_ELEVATION_M || site.building.basementFloors > 0;
      const share = exposed ? EXPOSED_SHARE : SHELTERED_SHARE;
      const depths = rain.map(
        (r) => Math.min(MAX_DEPTH_M, DEPTH_PER_EXCESS_MM * Math.max(0, r - site.climate.drainageDesignMmPerH)) * share,
      );
      const rain100 = rain[RETURN_PERIODS.indexOf(100)]!;
      return {
        indicator: { id: 'rain_1h_rp100_mm', value: rain100, unit: 'mm/h' },
        hazardScore: logBandScore(rain100, HOURLY_RAIN_BANDS),
        // The drains are the protection: their design capacity is already subtracted.
        curve: depthDamageCurve(site, depths, depths, Number.NEGATIVE_INFINITY),
        category: null,
        disruption: null,
      };
    },
};
