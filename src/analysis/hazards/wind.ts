/**
 * Wind: the design-code 100-year wind scaled by return period; tropical cyclones through the Emanuel
 * curve, extratropical storms through Schwierz's.
 */
import { RETURN_PERIODS, curveFromReturnPeriods, shiftFrequency } from '../curves.js';
import { type ScenarioCell, cycloneFrequencyRatio, cycloneIntensityFactor } from '../scenarios.js';
import { type BandEdges, logBandScore } from '../scoring.js';
import type { Site } from '../site.js';
import {
  GUST_PER_ONE_MINUTE,
  ONE_MINUTE_PER_TEN_MINUTE,
  cycloneWindDamage,
  extratropicalWindDamage,
} from '../vulnerability.js';
import type { HazardModel } from './model.js';

/** Wind grows γ × ln(RP/100) relative to V₀: 0.10 for cyclones, 0.05 for extratropical storms [A; ≈ Eurocode c_prob, K]. */
const GROWTH = { TROPICAL_CYCLONE: 0.1, EXTRATROPICAL: 0.05 } as const;
/** 100-year 10-min wind (m/s) band edges for the hazard score [A]. */
const WIND_BANDS: BandEdges = [20, 25, 32, 40];

function tenMinuteWinds(site: Site, cell: ScenarioCell): number[] {
  const { windV0Ms, windRegime } = site.climate;
  const gamma = GROWTH[windRegime];
  const historical = RETURN_PERIODS.map((rp) => Math.max(0, windV0Ms * (1 + gamma * Math.log(rp / 100))));
  // AR6 has low confidence in changes of extratropical storms: they stay as they are [A].
  if (windRegime === 'EXTRATROPICAL') return historical;
  const intensity = cycloneIntensityFactor(cell);
  return shiftFrequency(historical, cycloneFrequencyRatio(cell)).map((v) => v * intensity);
}

export const typhoonWind: HazardModel = {
  hazard: 'TYPHOON_WIND',
  kind: 'ACUTE',
  assess(site, cell) {
    const winds = tenMinuteWinds(site, cell);
    const { windRegime, cycloneBasin } = site.climate;
    const structure = site.building.structure;
    const damage = winds.map((v) =>
      windRegime === 'TROPICAL_CYCLONE'
        ? cycloneWindDamage(v * ONE_MINUTE_PER_TEN_MINUTE, cycloneBasin, structure)
        : extratropicalWindDamage(v * ONE_MINUTE_PER_TEN_MINUTE * GUST_PER_ONE_MINUTE, structure),
    );
    const wind100 = winds[RETURN_PERIODS.indexOf(100)]!;
    return {
      indicator: { id: 'wind_10min_rp100_ms', value: wind100, unit: 'm/s' },
      hazardScore: logBandScore(wind100, WIND_BANDS),
      curve: curveFromReturnPeriods(damage),
      category: null,
      disruption: null,
    };
  },
};
