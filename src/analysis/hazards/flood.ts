/** What coastal, river and pluvial flooding share: depth–damage curves with a standard of protection. */
import { RETURN_PERIODS, type ExceedanceCurve, curveFromReturnPeriods, intensityAtReturnPeriod } from '../curves.js';
import { type BandEdges, logBandScore } from '../scoring.js';
import type { Site } from '../site.js';
import { floodDamage } from '../vulnerability.js';

/** Flood depth (m) band edges for the hazard score [A]: ankle, knee, waist, head-height water. */
export const FLOOD_DEPTH_BANDS: BandEdges = [0.05, 0.25, 0.5, 1];

export function floodDepthScore(depthM: number): number {
  return logBandScore(depthM, FLOOD_DEPTH_BANDS);
}

/**
 * physrisk's CONSTANT_DEPTH protection [S]: defences hold every event up to the historical intensity at
 * their design return period; anything above it arrives in full. 0 = no defence.
 */
export function protectedIntensity(historical: readonly number[], protectionRp: number): number {
  return protectionRp > 0 ? intensityAtReturnPeriod(historical, protectionRp) : Number.NEGATIVE_INFINITY;
}

/** Damage curve for depths at the standard return periods, events at or below `protectedAt` doing nothing. */
export function depthDamageCurve(site: Site, depthsM: readonly number[], intensities: readonly number[], protectedAt: number): ExceedanceCurve {
  return curveFromReturnPeriods(
    RETURN_PERIODS.map((_, i) => (intensities[i]! <= protectedAt ? 0 : floodDamage(site.floodRegion, site.building, depthsM[i]!))),
  );
}
