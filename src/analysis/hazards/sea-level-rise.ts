/** Sea-level rise: how far the site stands above the future mean higher high water (freeboard). */
import { BASELINE_YEAR } from '../scenarios.js';
import { type BandEdges, descendingCategoryOf, descendingLinearScore } from '../scoring.js';
import type { HazardModel } from './model.js';

/** Freeboard (m) edges between VERY_LOW > 5 m … VERY_HIGH < 0 m [A, DOMAIN.md]. */
const FREEBOARD_BANDS: BandEdges = [5, 2, 1, 0];
/** Beyond this distance the sea does not reach the site's ground or groundwater [A]. */
const COASTAL_ZONE_KM = 5;

export const seaLevelRise: HazardModel = {
  hazard: 'SEA_LEVEL_RISE',
  kind: 'CHRONIC',
  assess(site, cell) {
    const { mhhwM, subsidenceMmPerYr } = site.climate;
    const sinking = (subsidenceMmPerYr / 1000) * (cell.year - BASELINE_YEAR);
    const freeboard = site.elevationM - (mhhwM + cell.slrM + sinking);
    const inZone = site.coastKm <= COASTAL_ZONE_KM;
    return {
      indicator: { id: 'freeboard_above_mhhw_m', value: freeboard, unit: 'm' },
      hazardScore: inZone ? descendingLinearScore(freeboard, FREEBOARD_BANDS) : 0,
      curve: null,
      category: inZone ? descendingCategoryOf(freeboard, FREEBOARD_BANDS) : 'VERY_LOW',
      disruption: null,
    };
  },
};
