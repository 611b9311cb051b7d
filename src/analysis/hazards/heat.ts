/**
 * Extreme heat: daily maxima scattered normally around each month's mean maximum, shifted by local
 * warming. The indicator is the KMA heat-wave count (days ≥ 33 °C); the disruption is the work lost to
 * heat stress (WBGT work ability).
 */
import type { Occupancy } from '../input.js';
import { normalExpectation, normalSurvival } from '../normal.js';
import { CHRONIC_DISRUPTION_BANDS, type BandEdges, categoryOf, logBandScore } from '../scoring.js';
import { type Site, localWarmingC } from '../site.js';
import { type WorkIntensity, vapourPressureHpa, wbgt, workAbility } from '../vulnerability.js';
import type { HazardModel } from './model.js';

const HEAT_THRESHOLD_C = 33;
const DAYS_IN_MONTH = [31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_IN_YEAR = 365.25;
/** Day-to-day spread of daily maxima, °C: fitted per site to its heat-wave count, within these bounds [A]. */
const SPREAD_MIN_C = 1;
const SPREAD_MAX_C = 8;
const SPREAD_STEP_C = 0.05;
/**
 * Where the baseline has (almost) no hot days there is nothing to fit to: the widest spread up to a
 * typical 3 °C that keeps the baseline under a tenth of a day [A].
 */
const DEFAULT_SPREAD_C = 3;
const NO_HOT_DAYS = 0.1;
/**
 * Humidity normals are daily means. The air holds about the same vapour all day, so its pressure is
 * taken at the daily mean temperature, this far below the maximum (a typical half diurnal range) [A];
 * pairing mean humidity with the afternoon maximum would overstate heat stress by several °C WBGT.
 */
const MAX_ABOVE_MEAN_C = 4.5;
/** Days ≥ 33 °C per year, band edges for the hazard score [A]. */
const HOT_DAY_BANDS: BandEdges = [1, 10, 30, 60];

/** Offices and homes are mostly air-conditioned light work: a fifth of outdoor light-work loss [A]. */
const WORK: Record<Occupancy, { intensity: WorkIntensity; exposure: number }> = {
  RESIDENTIAL: { intensity: 'LIGHT', exposure: 0.2 },
  COMMERCIAL: { intensity: 'LIGHT', exposure: 0.2 },
  INDUSTRIAL: { intensity: 'MODERATE', exposure: 1 },
};

function hotDays(tmaxMonthlyC: readonly number[], spreadC: number, warmingC: number): number {
  let days = 0;
  for (let m = 0; m < 12; m++) {
    days += DAYS_IN_MONTH[m]! * normalSurvival((HEAT_THRESHOLD_C - tmaxMonthlyC[m]! - warmingC) / spreadC);
  }
  return days;
}

/** The spread that reproduces the baseline's count of hot days (a grid search: deterministic, and safe
 * where hot months make the count fall with the spread). */
export function fitDailySpread(tmaxMonthlyC: readonly number[], days33: number): number {
  if (days33 < NO_HOT_DAYS) {
    let s = DEFAULT_SPREAD_C;
    while (s > SPREAD_MIN_C && hotDays(tmaxMonthlyC, s, 0) > NO_HOT_DAYS) s -= SPREAD_STEP_C;
    return Math.max(SPREAD_MIN_C, s);
  }
  let best = DEFAULT_SPREAD_C;
  let bestError = Number.POSITIVE_INFINITY;
  for (let s = SPREAD_MIN_C; s <= SPREAD_MAX_C + 1e-9; s += SPREAD_STEP_C) {
    const error = Math.abs(hotDays(tmaxMonthlyC, s, 0) - days33);
    if (error < bestError) {
      bestError = error;
      best = s;
    }
  }
  return best;
}

function workLoss(site: Site, spreadC: number, warmingC: number): number {
  const { tmaxMonthlyC, summerRhPct } = site.climate;
  const { intensity, exposure } = WORK[site.building.occupancy];
  let ability = 0;
  for (let m = 0; m < 12; m++) {
    // The warm month's humidity stands for every month: cool months lose no work either way [A].
    const vapour = (tmax: number) => vapourPressureHpa(tmax - MAX_ABOVE_MEAN_C, summerRhPct);
    const monthly = normalExpectation((t) => workAbility(wbgt(t, vapour(t)), intensity), tmaxMonthlyC[m]! + warmingC, spreadC);
    ability += DAYS_IN_MONTH[m]! * monthly;
  }
  return Math.max(0, Math.min(1, (1 - ability / DAYS_IN_YEAR) * exposure));
}

const spreads = new WeakMap<Site, number>();
function spreadFor(site: Site): number {
  let spread = spreads.get(site);
  if (spread === undefined) {
    spread = fitDailySpread(site.climate.tmaxMonthlyC, site.climate.days33);
    spreads.set(site, spread);
  }
  return spread;
}

export const extremeHeat: HazardModel = {
  hazard: 'EXTREME_HEAT',
  kind: 'CHRONIC',
  assess(site, cell) {
    const spread = spreadFor(site);
    const warming = localWarmingC(site, cell);
    const days = hotDays(site.climate.tmaxMonthlyC, spread, warming);
    const disruption = workLoss(site, spread, warming);
    return {
      indicator: { id: 'days_tmax_ge_33c', value: days, unit: 'days/year' },
      hazardScore: logBandScore(days, HOT_DAY_BANDS),
      curve: null,
      category: categoryOf(disruption, CHRONIC_DISRUPTION_BANDS),
      disruption,
    };
  },
};
