/**
 * Coastal flood: extreme sea level (tide + surge) plus sea-level rise and subsidence, attenuated inland,
 * against the site's ground level.
 */
import { RETURN_PERIODS, curveFromReturnPeriods } from '../curves.js';
import { normalExpectation } from '../normal.js';
import type { ScenarioCell } from '../scenarios.js';
import { BASELINE_YEAR, HISTORICAL_CELL } from '../scenarios.js';
import type { Site } from '../site.js';
import { floodDamage } from '../vulnerability.js';
import { floodDepthScore, protectedIntensity } from './flood.js';
import type { HazardModel } from './model.js';

/** Gumbel slope of extreme sea levels, m per e-fold of return period [A, DOMAIN.md]. */
const ESL_SLOPE_M = 0.25;
/** Surge and waves lose height over land, m per km from the shore [A]. */
const INLAND_DECAY_M_PER_KM = 0.5;

/**
 * The flood-relevant ground level is uncertain: one elevation stands for a plot whose entrances and
 * ramps lie lower, and global elevation models carry metres of error. We spread it normally with this
 * standard deviation [A] (1 m, or a quarter of the elevation if larger).
 */
function groundUncertaintyM(elevationM: number): number {
  return Math.max(1, 0.25 * Math.abs(elevationM));
}

/** Still-water level (m above mean sea level) reaching the site at each return period. */
function waterLevels(site: Site, cell: ScenarioCell): number[] {
  const { esl100M, subsidenceMmPerYr } = site.climate;
  const sinking = (subsidenceMmPerYr / 1000) * (cell.year - BASELINE_YEAR);
  return RETURN_PERIODS.map(
    (rp) => esl100M + ESL_SLOPE_M * Math.log(rp / 100) + cell.slrM + sinking - INLAND_DECAY_M_PER_KM * site.coastKm,
  );
}

export const coastalFlood: HazardModel = {
  hazard: 'COASTAL_FLOOD',
  kind: 'ACUTE',
  assess(site, cell) {
    const levels = waterLevels(site, cell);
    const protectedAt = protectedIntensity(waterLevels(site, HISTORICAL_CELL), site.climate.coastalProtectionRp);
    const sd = groundUncertaintyM(site.elevationM);
    const damage = levels.map((level) =>
      // Water that does not rise above the sea's mean level inland has not reached the site at all.
      level <= protectedAt || level <= 0
        ? 0
        : normalExpectation((ground) => floodDamage(site.floodRegion, site.building, level - ground), site.elevationM, sd),
    );
    const depth100 = Math.max(0, levels[RETURN_PERIODS.indexOf(100)]! - site.elevationM);
    return {
      indicator: { id: 'flood_depth_rp100_m', value: depth100, unit: 'm' },
      hazardScore: floodDepthScore(depth100),
      curve: curveFromReturnPeriods(damage),
      category: null,
      disruption: null,
    };
  },
};
