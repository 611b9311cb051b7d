/** Drought and water stress: how often severe drought (SPEI-12 < −2) strikes, on top of baseline stress. */
import { type ScenarioCell, droughtFrequencyRatio } from '../scenarios.js';
import { CHRONIC_DISRUPTION_BANDS, type BandEdges, categoryOf, logBandScore } from '../scoring.js';
import type { Site } from '../site.js';
import type { HazardModel } from './model.js';

/** Drought months per year, band edges for the frequency half of the score [A]. */
const DROUGHT_MONTH_BANDS: BandEdges = [0.05, 0.2, 0.5, 1];
const MAX_WATER_STRESS = 4;
/** physrisk's manufacturing curve loses 10 % of a month's output at SPEI −2.5 and none at −2 [S]. */
const LOSS_IN_SEVERE_MONTH = 0.1;
/** About a third of the months below −2 reach −2.5 [A]. */
const SHARE_REACHING_SEVERE = 1 / 3;

function droughtMonths(site: Site, cell: ScenarioCell): number {
  return site.climate.droughtMonthsPerYear * droughtFrequencyRatio(cell);
}

export const drought: HazardModel = {
  hazard: 'DROUGHT',
  kind: 'CHRONIC',
  assess(site, cell) {
    const months = droughtMonths(site, cell);
    const stress = Math.min(MAX_WATER_STRESS, Math.max(0, site.climate.waterStress));
    // Half baseline water stress, half drought frequency: both starve a site of water [A].
    const stressScore = (100 * stress) / MAX_WATER_STRESS;
    const hazardScore = Math.floor(5 * (stressScore + logBandScore(months, DROUGHT_MONTH_BANDS))) / 10;
    // Buildings do not dry out; only water-hungry industry loses output [physrisk: real estate NO_VULNERABILITY].
    if (site.building.occupancy !== 'INDUSTRIAL') {
      return {
        indicator: { id: 'drought_months_per_year', value: months, unit: 'months/year' },
        hazardScore,
        curve: null,
        category: 'NO_VULNERABILITY',
        disruption: null,
      };
    }
    // High baseline stress leaves no slack to ride a drought out: up to twice the loss [A].
    const severeMonths = months * SHARE_REACHING_SEVERE;
    const disruption = Math.min(1, ((severeMonths * LOSS_IN_SEVERE_MONTH) / 12) * (1 + stress / MAX_WATER_STRESS));
    return {
      indicator: { id: 'drought_months_per_year', value: months, unit: 'months/year' },
      hazardScore,
      curve: null,
      category: categoryOf(disruption, CHRONIC_DISRUPTION_BANDS),
      disruption,
    };
  },
};
