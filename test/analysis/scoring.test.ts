import { describe, expect, it } from 'vitest';
import {
  ACUTE_DAMAGE_BANDS,
  CHRONIC_DISRUPTION_BANDS,
  bandOfScore,
  categoryOf,
  categoryRank,
  descendingCategoryOf,
  descendingLinearScore,
  logBandScore,
  overallRating,
} from '../../src/analysis/scoring.js';

describe('scores and categories', () => {
  it('puts physrisk band edges on the score band edges', () => {
    expect(ACUTE_DAMAGE_BANDS.map((e) => logBandScore(e, ACUTE_DAMAGE_BANDS))).toEqual([20, 40, 60, 80]);
    expect(categoryOf(0.0001, ACUTE_DAMAGE_BANDS)).toBe('LOW');
    expect(categoryOf(0.00009, ACUTE_DAMAGE_BANDS)).toBe('VERY_LOW');
    expect(categoryOf(0.05, ACUTE_DAMAGE_BANDS)).toBe('VERY_HIGH');
    expect(categoryOf(0.04, CHRONIC_DISRUPTION_BANDS)).toBe('MEDIUM');
  });

  it('always agrees with the category for any value', () => {
    for (let exp = -8; exp <= 0; exp += 0.01) {
      const value = 10 ** exp;
      for (const bands of [ACUTE_DAMAGE_BANDS, CHRONIC_DISRUPTION_BANDS]) {
        expect(bandOfScore(logBandScore(value, bands))).toBe(categoryRank(categoryOf(value, bands)));
      }
    }
    for (let freeboard = -3; freeboard <= 12; freeboard += 0.01) {
      const edges = [5, 2, 1, 0] as const;
      expect(bandOfScore(descendingLinearScore(freeboard, edges))).toBe(categoryRank(descendingCategoryOf(freeboard, edges)));
    }
  });

  it('is 0 for no loss and 100 far above the top edge', () => {
    expect(logBandScore(0, ACUTE_DAMAGE_BANDS)).toBe(0);
    expect(logBandScore(1, ACUTE_DAMAGE_BANDS)).toBe(100);
  });

  it('grades by the combined EAL and raises one grade for a VERY_HIGH chronic hazard', () => {
    expect(overallRating(0.00005, ['LOW']).grade).toBe('A');
    expect(overallRating(0.003, ['LOW']).grade).toBe('C');
    const raised = overallRating(0.003, ['VERY_HIGH']);
    expect(raised.grade).toBe('D');
    expect(bandOfScore(raised.score)).toBe(3);
    expect(overallRating(0.2, ['VERY_HIGH']).grade).toBe('E');
  });
});
