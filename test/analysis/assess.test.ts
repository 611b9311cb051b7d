import { describe, expect, it } from 'vitest';
import { assessRisk, assessRiskSync } from '../../src/analysis/assess.js';
import type { Hazard } from '../../src/analysis/input.js';
import type { HazardResult, RiskAnalysis, ScenarioResult } from '../../src/analysis/result.js';
import { KOREAN_SITES, type SiteId, inputFor } from './sites.js';

const results = Object.fromEntries(
  Object.entries(KOREAN_SITES).map(([id, location]) => [id, assessRiskSync(inputFor(location))]),
) as Record<SiteId, RiskAnalysis>;

function cell(analysis: RiskAnalysis, scenario: ScenarioResult['scenario'], horizon: ScenarioResult['horizon']): ScenarioResult {
  const found = analysis.scenarios.find((s) => s.scenario === scenario && s.horizon === horizon);
  if (!found) throw new Error(`no ${scenario} ${horizon} cell`);
  return found;
}

function hazard(analysis: RiskAnalysis, id: Hazard, scenario: ScenarioResult['scenario'] = 'SSP2_4_5', horizon: ScenarioResult['horizon'] = 2050): HazardResult {
  const found = cell(analysis, scenario, horizon).hazards.find((h) => h.hazard === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const eal = (site: SiteId, id: Hazard) => hazard(results[site], id).eal!.fraction;

describe('DOMAIN.md §5 expected orderings (2050, SSP2-4.5)', () => {
  it('coastal flood EAL: Busan ≥ Incheon ≥ Jeju > 0, Seoul and Daegu 0', () => {
    expect(eal('BSN', 'COASTAL_FLOOD')).toBeGreaterThanOrEqual(eal('ICN', 'COASTAL_FLOOD'));
    expect(eal('ICN', 'COASTAL_FLOOD')).toBeGreaterThanOrEqual(eal('JEJ', 'COASTAL_FLOOD'));
    expect(eal('JEJ', 'COASTAL_FLOOD')).toBeGreaterThan(0);
    expect(eal('SEO', 'COASTAL_FLOOD')).toBe(0);
    expect(eal('DGU', 'COASTAL_FLOOD')).toBe(0);
  });

  it('wind EAL: Jeju > Busan > Incheon ≥ Seoul ≥ Daegu', () => {
    expect(eal('JEJ', 'TYPHOON_WIND')).toBeGreaterThan(eal('BSN', 'TYPHOON_WIND'));
    expect(eal('BSN', 'TYPHOON_WIND')).toBeGreaterThan(eal('ICN', 'TYPHOON_WIND'));
    expect(eal('ICN', 'TYPHOON_WIND')).toBeGreaterThanOrEqual(eal('SEO', 'TYPHOON_WIND'));
    expect(eal('SEO', 'TYPHOON_WIND')).toBeGreaterThanOrEqual(eal('DGU', 'TYPHOON_WIND'));
  });

  it('days ≥ 33 °C: Daegu > Seoul > Busan, Incheon, Jeju; WBGT work loss Daegu > Seoul', () => {
    const days = (site: SiteId) => hazard(results[site], 'EXTREME_HEAT').indicator.value;
    expect(days('DGU')).toBeGreaterThan(days('SEO'));
    for (const site of ['BSN', 'ICN', 'JEJ'] as const) expect(days('SEO')).toBeGreaterThan(days(site));
    const loss = (site: SiteId) => hazard(results[site], 'EXTREME_HEAT').disruption!.fraction;
    expect(loss('DGU')).toBeGreaterThan(loss('SEO'));
  });

  it('heavy-rain hazard score: Jeju and Seoul above Daegu', () => {
    const score = (site: SiteId) => hazard(results[site], 'PLUVIAL_FLOOD').hazardScore;
    expect(score('JEJ')).toBeGreaterThan(score('DGU'));
    expect(score('SEO')).toBeGreaterThan(score('DGU'));
  });

  it("Seoul's days ≥ 33 °C under SSP5-8.5 in 2100 lie within [60, 110] (KMA: 86.4)", () => {
    const days = hazard(results.SEO, 'EXTREME_HEAT', 'SSP5_8_5', 2100).indicator.value;
    expect(days).toBeGreaterThanOrEqual(60);
    expect(days).toBeLessThanOrEqual(110);
  });
});

/** Measures that must not fall as the climate warms; freeboard falls, so its score is used. */
function warmingMeasures(h: HazardResult): number[] {
  return [h.hazardScore, h.eal?.fraction ?? 0, h.loss100?.fraction ?? 0, h.disruption?.fraction ?? 0];
}

describe.each(Object.keys(KOREAN_SITES) as SiteId[])('invariants at %s', (site) => {
  const analysis = results[site];

  it('has the baseline and every scenario × horizon', () => {
    expect(analysis.scenarios).toHaveLength(10);
    expect(analysis.scenarios[0]).toMatchObject({ scenario: 'HISTORICAL', horizon: null, slrM: 0, localWarmingC: 0 });
  });

  it('orders scenarios SSP5-8.5 ≥ SSP2-4.5 ≥ SSP1-2.6 at 2050 and 2100', () => {
    for (const horizon of [2050, 2100] as const) {
      const [low, mid, high] = (['SSP1_2_6', 'SSP2_4_5', 'SSP5_8_5'] as const).map((s) => cell(analysis, s, horizon));
      for (let h = 0; h < low!.hazards.length; h++) {
        const [a, b, c] = [low!, mid!, high!].map((x) => warmingMeasures(x.hazards[h]!));
        a!.forEach((v, i) => {
          expect(b![i]).toBeGreaterThanOrEqual(v);
          expect(c![i]).toBeGreaterThanOrEqual(b![i]!);
        });
      }
      expect(mid!.total.ealFraction).toBeGreaterThanOrEqual(low!.total.ealFraction);
      expect(high!.total.ealFraction).toBeGreaterThanOrEqual(mid!.total.ealFraction);
      expect(high!.total.loss100Fraction).toBeGreaterThanOrEqual(mid!.total.loss100Fraction);
    }
  });

  it('orders horizons 2030 ≤ 2050 ≤ 2100 under SSP2-4.5 and SSP5-8.5', () => {
    for (const scenario of ['SSP2_4_5', 'SSP5_8_5'] as const) {
      const [early, mid, late] = ([2030, 2050, 2100] as const).map((h) => cell(analysis, scenario, h));
      for (let h = 0; h < early!.hazards.length; h++) {
        const [a, b, c] = [early!, mid!, late!].map((x) => warmingMeasures(x.hazards[h]!));
        a!.forEach((v, i) => {
          expect(b![i]).toBeGreaterThanOrEqual(v);
          expect(c![i]).toBeGreaterThanOrEqual(b![i]!);
        });
      }
    }
  });

  it('keeps every fraction in [0, 1] and every amount = fraction × value', () => {
    for (const s of analysis.scenarios) {
      for (const h of s.hazards) {
        for (const loss of [h.eal, h.loss100]) {
          if (!loss) continue;
          expect(loss.fraction).toBeGreaterThanOrEqual(0);
          expect(loss.fraction).toBeLessThanOrEqual(1);
          expect(loss.amount).toBeCloseTo(loss.fraction * analysis.assetValue, 6);
        }
        if (h.disruption) expect(h.disruption.fraction).toBeGreaterThanOrEqual(0);
        if (h.disruption) expect(h.disruption.fraction).toBeLessThanOrEqual(1);
        expect(h.hazardScore).toBeGreaterThanOrEqual(0);
        expect(h.hazardScore).toBeLessThanOrEqual(100);
      }
      const t = s.total;
      for (const f of [t.ealFraction, t.loss100Fraction, t.loss250Fraction]) {
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }
      expect(t.ealAmount).toBeCloseTo(t.ealFraction * analysis.assetValue, 6);
      expect(t.loss250Fraction).toBeGreaterThanOrEqual(t.loss100Fraction);
    }
  });

  it('simulates a mean annual loss within 3 standard errors of the analytic EAL', () => {
    for (const s of analysis.scenarios) {
      const { meanFraction, meanStdError } = s.total.simulation;
      expect(Math.abs(meanFraction - s.total.ealFraction)).toBeLessThanOrEqual(3 * meanStdError + 1e-12);
    }
  });
});

describe('building and input effects', () => {
  const flood = (a: RiskAnalysis) =>
    (['COASTAL_FLOOD', 'RIVER_FLOOD', 'PLUVIAL_FLOOD'] as const).map((h) => hazard(a, h).eal!.fraction);

  it('a higher first floor lowers flood EAL; more basement floors raise it', () => {
    const site = { latitude: 35.1, longitude: 129.04, elevationM: 2, distanceToCoastKm: 0.1, distanceToRiverKm: 0.2 };
    const low = assessRiskSync(inputFor(site, { building: { firstFloorHeightM: 0.3 } }));
    const high = assessRiskSync(inputFor(site, { building: { firstFloorHeightM: 1.5 } }));
    const deep = assessRiskSync(inputFor(site, { building: { basementFloors: 4 } }));
    flood(high).forEach((v, i) => expect(v).toBeLessThanOrEqual(flood(low)[i]!));
    expect(flood(high).some((v, i) => v < flood(low)[i]!)).toBe(true);
    flood(deep).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(flood(low)[i]!));
    expect(flood(deep).some((v, i) => v > flood(low)[i]!)).toBe(true);
  });

  it('timber suffers at least as much wind damage as reinforced concrete', () => {
    const rc = assessRiskSync(inputFor(KOREAN_SITES.JEJ, { building: { structure: 'REINFORCED_CONCRETE' } }));
    const timber = assessRiskSync(inputFor(KOREAN_SITES.JEJ, { building: { structure: 'TIMBER' } }));
    expect(hazard(timber, 'TYPHOON_WIND').eal!.fraction).toBeGreaterThan(hazard(rc, 'TYPHOON_WIND').eal!.fraction);
  });

  it('gives identical output for identical input, whatever the key order or language', () => {
    const a = assessRiskSync(inputFor(KOREAN_SITES.BSN));
    const b = assessRiskSync(inputFor({ distanceToCoastKm: 0.1, elevationM: 3, longitude: 129.145, latitude: 35.1566 }));
    expect(b).toEqual(a);
    const english = assessRiskSync(inputFor(KOREAN_SITES.BSN, { language: 'EN' }));
    expect(english.scenarios).toEqual(a.scenarios);
  });

  it('only analyses the hazards, scenarios and horizons asked for', () => {
    const a = assessRiskSync(
      inputFor(KOREAN_SITES.SEO, {
        params: { hazards: ['EXTREME_HEAT', 'PLUVIAL_FLOOD'], scenarios: ['SSP5_8_5'], horizons: [2100], simulationYears: 1000 },
      }),
    );
    expect(a.scenarios.map((s) => [s.scenario, s.horizon])).toEqual([
      ['HISTORICAL', null],
      ['SSP5_8_5', 2100],
    ]);
    expect(a.scenarios[1]!.hazards.map((h) => h.hazard)).toEqual(['EXTREME_HEAT', 'PLUVIAL_FLOOD']);
  });

  it('notes every assumption when inputs are missing or the site is far from any region', () => {
    const a = assessRiskSync(inputFor({ latitude: -48.9, longitude: -123.4 }));
    expect(a.dataQuality.regions).toEqual([]);
    expect(a.dataQuality.proxies.join('\n')).toMatch(/150 km/);
    expect(a.dataQuality.proxies.join('\n')).toMatch(/elevationM not given/);
  });

  it('recommends measures for the hazards that reach MEDIUM by 2050', () => {
    const a = results.BSN;
    expect(a.recommendations.length).toBeGreaterThan(0);
    const worst = new Set(
      a.scenarios
        .filter((s) => s.horizon === 2050)
        .flatMap((s) => s.hazards.filter((h) => ['MEDIUM', 'HIGH', 'VERY_HIGH'].includes(h.category)).map((h) => h.hazard)),
    );
    for (const r of a.recommendations) expect(worst.has(r.hazard)).toBe(true);
    expect(new Set(a.recommendations.map((r) => r.id)).size).toBe(a.recommendations.length);
  });
});

describe('the async driver', () => {
  it('reports simulation progress up to 100 % and gives the same result as the sync driver', async () => {
    const input = inputFor(KOREAN_SITES.ICN, { params: { simulationYears: 40_000, includeNarrative: false } });
    const seen: number[] = [];
    const a = await assessRisk(input, { onProgress: (stage, percent) => stage === 'simulation' && seen.push(percent) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(100);
    expect(a).toEqual(assessRiskSync(input));
  });

  it('stops promptly when its signal fires', async () => {
    const controller = new AbortController();
    const input = inputFor(KOREAN_SITES.ICN, { params: { simulationYears: 10_000_000, includeNarrative: false } });
    let chunks = 0;
    const run = assessRisk(input, {
      signal: controller.signal,
      onProgress: () => {
        chunks += 1;
        if (chunks === 3) controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
    expect(chunks).toBe(3);
  });
});

describe('heat where the baseline has no hot days', () => {
  it('keeps the baseline near zero and still warms in the future (Nairobi, highland tropics)', () => {
    const a = assessRiskSync(inputFor({ latitude: -1.29, longitude: 36.82 }));
    const days = (s: ScenarioResult) => s.hazards.find((h) => h.hazard === 'EXTREME_HEAT')!.indicator.value;
    expect(days(a.scenarios[0]!)).toBeLessThanOrEqual(0.1);
    expect(days(cell(a, 'SSP5_8_5', 2100))).toBeGreaterThan(days(a.scenarios[0]!));
  });
});
