/**
 * Exceedance curves: how an acute hazard's damage grows as its annual exceedance probability falls.
 *
 * One convention serves the analytic EAL and the Monte-Carlo draw alike, so the simulated mean
 * converges on exactly the analytic figure:
 * - nodes are (p, d) with p strictly decreasing;
 * - d = 0 above the first (most frequent) node: events more frequent than it do no damage;
 * - d is linear in p between nodes;
 * - d stays at the last node's value below it (the tail beyond the rarest return period).
 * For the return periods below this is physrisk's trapezoid sum plus the tail d(I₁₀₀₀)/1000.
 */

/** Return periods (years) at which intensities are given, as in physrisk. */
export const RETURN_PERIODS = [2, 5, 10, 25, 50, 100, 250, 500, 1000] as const;
export const EXCEEDANCE_PROBABILITIES = RETURN_PERIODS.map((rp) => 1 / rp);

export interface ExceedanceCurve {
  /** Annual exceedance probabilities, strictly decreasing. */
  p: readonly number[];
  /** Damage fraction (0..1) at each probability. */
  d: readonly number[];
}

/** Damage at annual exceedance probability `u`, by the convention above. */
export function damageAt(curve: ExceedanceCurve, u: number): number {
  const { p, d } = curve;
  const n = p.length;
  if (n === 0 || u > p[0]!) return 0;
  for (let i = 1; i < n; i++) {
    const pi = p[i]!;
    if (u > pi) {
      const p0 = p[i - 1]!;
      const d0 = d[i - 1]!;
      return d0 + ((d[i]! - d0) * (p0 - u)) / (p0 - pi);
    }
  }
  return d[n - 1]!;
}

/** Expected annual damage: the integral of d over p from 0 to 1. */
export function expectedAnnualDamage(curve: ExceedanceCurve): number {
  const { p, d } = curve;
  const n = p.length;
  if (n === 0) return 0;
  let sum = p[n - 1]! * d[n - 1]!;
  for (let i = 1; i < n; i++) sum += ((p[i - 1]! - p[i]!) * (d[i - 1]! + d[i]!)) / 2;
  return sum;
}

/** A curve on the standard return periods. */
export function curveFromReturnPeriods(damages: readonly number[]): ExceedanceCurve {
  return { p: EXCEEDANCE_PROBABILITIES, d: damages };
}

/**
 * Intensity at any return period from values at the standard ones: linear in ln(RP), clamped at both
 * ends (a flood shape that flattens at 1000 years should not be extrapolated upwards).
 */
export function intensityAtReturnPeriod(values: readonly number[], rp: number): number {
  const last = RETURN_PERIODS.length - 1;
  if (rp <= RETURN_PERIODS[0]) return values[0]!;
  if (rp >= RETURN_PERIODS[last]!) return values[last]!;
  const x = Math.log(rp);
  for (let i = 1; i <= last; i++) {
    const hi = RETURN_PERIODS[i]!;
    if (rp <= hi) {
      const lo = RETURN_PERIODS[i - 1]!;
      const t = (x - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
      return values[i - 1]! + t * (values[i]! - values[i - 1]!);
    }
  }
  return values[last]!;
}

/**
 * Future intensities when events become `frequencyRatio` times as frequent: the future T-year event is
 * the historical (T × ratio)-year event.
 */
export function shiftFrequency(values: readonly number[], frequencyRatio: number): number[] {
  return RETURN_PERIODS.map((rp) => intensityAtReturnPeriod(values, rp * frequencyRatio));
}
