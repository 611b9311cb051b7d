/** The invariants of DOMAIN.md §5 over random valid inputs anywhere on Earth. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRiskSync } from '../../src/analysis/assess.js';
import { type AnalysisInputDraft, OCCUPANCIES, STRUCTURES, parseAnalysisInput } from '../../src/analysis/input.js';
import type { HazardResult, RiskAnalysis } from '../../src/analysis/result.js';

const draft = fc.record({
  location: fc.record({
    latitude: fc.double({ min: -60, max: 72, noNaN: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    elevationM: fc.double({ min: -5, max: 400, noNaN: true }),
    distanceToCoastKm: fc.double({ min: 0, max: 80, noNaN: true }),
    distanceToRiverKm: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
  }),
  building: fc.record({
    occupancy: fc.constantFrom(...OCCUPANCIES),
    structure: fc.constantFrom(...STRUCTURES),
    floorsAboveGround: fc.integer({ min: 1, max: 80 }),
    basementFloors: fc.integer({ min: 0, max: 6 }),
    firstFloorHeightM: fc.double({ min: 0, max: 3, noNaN: true }),
  }),
  asset: fc.record({ value: fc.double({ min: 1e6, max: 1e13, noNaN: true }) }),
});

const analyse = (d: AnalysisInputDraft): RiskAnalysis =>
  assessRiskSync(parseAnalysisInput({ ...d, params: { simulationYears: 1_000, includeNarrative: false } }));

const find = (a: RiskAnalysis, scenario: string, horizon: number | null) => a.scenarios.find((s) => s.scenario === scenario && s.horizon === horizon)!;
const grows = (h: HazardResult) => [h.hazardScore, h.eal?.fraction ?? 0, h.loss100?.fraction ?? 0, h.disruption?.fraction ?? 0];
const floodEal = (a: RiskAnalysis) =>
  a.scenarios.flatMap((s) => s.hazards.filter((h) => h.hazard.endsWith('FLOOD')).map((h) => h.eal!.fraction));
const windEal = (a: RiskAnalysis) => a.scenarios.map((s) => s.hazards.find((h) => h.hazard === 'TYPHOON_WIND')!.eal!.fraction);

/** `b` is at least `a`, to within floating-point noise. */
const atLeast = (b: number, a: number) => expect(b).toBeGreaterThanOrEqual(a - 1e-12);

describe('invariants over random sites and buildings', () => {
  it('keeps fractions in [0, 1] and amounts = fraction × value', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const a = analyse(d);
        for (const s of a.scenarios) {
          for (const h of s.hazards) {
            for (const f of grows(h)) expect(f >= 0 && f <= 100).toBe(true);
            if (h.eal) expect(h.eal.fraction).toBeLessThanOrEqual(1);
            if (h.eal) expect(h.eal.amount).toBeCloseTo(h.eal.fraction * a.assetValue, 3);
          }
          expect(s.total.ealFraction).toBeGreaterThanOrEqual(0);
          expect(s.total.ealFraction).toBeLessThanOrEqual(1);
          expect(s.total.loss100Fraction).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never lowers a risk under a warmer scenario or a later horizon', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const a = analyse(d);
        const chains: [string, number][][] = [
          [['SSP1_2_6', 2050], ['SSP2_4_5', 2050], ['SSP5_8_5', 2050]],
          [['SSP1_2_6', 2100], ['SSP2_4_5', 2100], ['SSP5_8_5', 2100]],
          [['SSP2_4_5', 2030], ['SSP2_4_5', 2050], ['SSP2_4_5', 2100]],
          [['SSP5_8_5', 2030], ['SSP5_8_5', 2050], ['SSP5_8_5', 2100]],
        ];
        for (const chain of chains) {
          const cells = chain.map(([s, h]) => find(a, s, h));
          for (let i = 1; i < cells.length; i++) {
            cells[i]!.hazards.forEach((h, k) => grows(h).forEach((v, j) => atLeast(v, grows(cells[i - 1]!.hazards[k]!)[j]!)));
            atLeast(cells[i]!.total.ealFraction, cells[i - 1]!.total.ealFraction);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a higher first floor never raises flood EAL; more basements never lower it; timber ≥ concrete in wind', () => {
    fc.assert(
      fc.property(draft, fc.double({ min: 0.1, max: 2, noNaN: true }), fc.integer({ min: 1, max: 3 }), (d, raise, basements) => {
        const base = analyse(d);
        const raised = analyse({ ...d, building: { ...d.building, firstFloorHeightM: d.building.firstFloorHeightM + raise } });
        const deeper = analyse({ ...d, building: { ...d.building, basementFloors: d.building.basementFloors + basements } });
        floodEal(raised).forEach((v, i) => atLeast(floodEal(base)[i]!, v));
        floodEal(deeper).forEach((v, i) => atLeast(v, floodEal(base)[i]!));
        const timber = analyse({ ...d, building: { ...d.building, structure: 'TIMBER' } });
        const concrete = analyse({ ...d, building: { ...d.building, structure: 'REINFORCED_CONCRETE' } });
        windEal(timber).forEach((v, i) => atLeast(v, windEal(concrete)[i]!));
      }),
      { numRuns: 25 },
    );
  });

  it('gives identical output for identical input', () => {
    fc.assert(
      fc.property(draft, (d) => {
        expect(analyse(structuredClone(d))).toEqual(analyse(d));
      }),
      { numRuns: 15 },
    );
  });
});
