/**
 * Categories, 0–100 scores and grades.
 *
 * A score is piecewise-linear in log10(value) through a measure's four band edges, which map to
 * 20/40/60/80; one decade below the first edge maps to 0 and five times the last edge to 100 [A].
 * So a score's band always equals the category: 0–20 VERY_LOW … 80–100 VERY_HIGH.
 */
import type { Category, Grade } from './result.js';

/** The four edges between VERY_LOW | LOW | MEDIUM | HIGH | VERY_HIGH, increasing. */
export type BandEdges = readonly [number, number, number, number];

/** physrisk generic_risk_model bands [S]. */
export const ACUTE_DAMAGE_BANDS: BandEdges = [0.0001, 0.002, 0.01, 0.05];
export const CHRONIC_DISRUPTION_BANDS: BandEdges = [0.0001, 0.01, 0.05, 0.1];

const BAND_CATEGORIES: readonly Category[] = ['VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
const GRADE_OF_BAND: readonly Grade[] = ['A', 'B', 'C', 'D', 'E'];

export function categoryOf(value: number, edges: BandEdges): Category {
  let band = 0;
  while (band < 4 && value >= edges[band]!) band++;
  return BAND_CATEGORIES[band]!;
}

export function logBandScore(value: number, edges: BandEdges): number {
  if (!(value > 0)) return 0;
  const anchors = [edges[0] / 10, ...edges, edges[3] * 5].map(Math.log10);
  const x = Math.log10(value);
  if (x <= anchors[0]!) return 0;
  for (let i = 1; i < anchors.length; i++) {
    if (x < anchors[i]!) return round1(20 * (i - 1) + (20 * (x - anchors[i - 1]!)) / (anchors[i]! - anchors[i - 1]!));
  }
  return 100;
}

/**
 * For measures where lower is worse (sea-level freeboard, m): edges decreasing from VERY_LOW's lower
 * edge to VERY_HIGH's; linear, one band-width beyond each end maps to 0 and 100.
 */
export function descendingLinearScore(value: number, edges: BandEdges): number {
  const xs = [edges[0] + (edges[0] - edges[1]), ...edges, edges[3] - (edges[2] - edges[3])];
  if (value >= xs[0]!) return 0;
  for (let i = 1; i < xs.length; i++) {
    if (value > xs[i]!) return round1(20 * (i - 1) + (20 * (xs[i - 1]! - value)) / (xs[i - 1]! - xs[i]!));
  }
  return 100;
}

export function descendingCategoryOf(value: number, edges: BandEdges): Category {
  let band = 0;
  while (band < 4 && value < edges[band]!) band++;
  return BAND_CATEGORIES[band]!;
}

/** The band (0..4) a 0–100 score falls in. */
export function bandOfScore(score: number): number {
  return Math.min(4, Math.floor(score / 20));
}

export function gradeOfScore(score: number): Grade {
  return GRADE_OF_BAND[bandOfScore(score)]!;
}

/** 0 (VERY_LOW) .. 4 (VERY_HIGH); NO_DATA and NO_VULNERABILITY rank below every band (−1). */
export function categoryRank(category: Category): number {
  return BAND_CATEGORIES.indexOf(category);
}

/**
 * Overall score and grade: the band of the combined acute EAL, raised one grade when any chronic
 * hazard is VERY_HIGH [A]. The score is lifted to the bottom of the raised band so both always agree.
 */
export function overallRating(ealFraction: number, chronicCategories: readonly Category[]): { score: number; grade: Grade } {
  const acuteScore = logBandScore(ealFraction, ACUTE_DAMAGE_BANDS);
  const raise = chronicCategories.includes('VERY_HIGH');
  const band = Math.min(4, bandOfScore(acuteScore) + (raise ? 1 : 0));
  const score = raise ? Math.max(acuteScore, band * 20) : acuteScore;
  return { score, grade: GRADE_OF_BAND[band]! };
}

/** Floors (not rounds) to one decimal so a score just below a band edge stays in its band. */
function round1(x: number): number {
  return Math.floor(x * 10) / 10;
}
