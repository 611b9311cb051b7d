/** Wildfire: the site burns with the region's annual probability, more often as it warms. */
import { type BandEdges, logBandScore } from '../scoring.js';
import { localWarmingC } from '../site.js';
import type { HazardModel } from './model.js';

/** Burn probability +10 % per °C of local warming [A, DOMAIN.md]. */
const PROBABILITY_PER_C = 0.1;
/** Damage when a fire reaches the building, physrisk's Fire config [S]. */
const DAMAGE_GIVEN_FIRE = 0.7;
/** Annual burn probability band edges for the hazard score [A]: dense city ≈ 1e-5, wildland edge ≈ 1e-3. */
const BURN_PROBABILITY_BANDS: BandEdges = [2e-5, 1e-4, 5e-4, 2e-3];

export const wildfire: HazardModel = {
  hazard: 'WILDFIRE',
  kind: 'ACUTE',
  assess(site, cell) {
    const probability = Math.min(1, site.climate.wildfireAnnualProb * (1 + PROBABILITY_PER_C * localWarmingC(site, cell)));
    return {
      indicator: { id: 'annual_burn_probability', value: probability, unit: '1/year' },
      hazardScore: logBandScore(probability, BURN_PROBABILITY_BANDS),
      // One event size: the fire either reaches the building in a year or it does not.
      curve: { p: [probability], d: [DAMAGE_GIVEN_FIRE] },
      category: null,
      disruption: null,
    };
  },
};
