import { describe, expect, it } from 'vitest';
import { type ExceedanceCurve, curveFromReturnPeriods, damageAt, expectedAnnualDamage } from '../../src/analysis/curves.js';
import { LossSimulation } from '../../src/analysis/simulation.js';

const flood = curveFromReturnPeriods([0, 0.01, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.22]);
const wind = curveFromReturnPeriods([0, 0, 0.0001, 0.001, 0.003, 0.006, 0.01, 0.02, 0.03]);
const fire: ExceedanceCurve = { p: [0.002], d: [0.7] };

function simulate(curves: ExceedanceCurve[][], years: number, chunk?: number): LossSimulation {
  const simulation = new LossSimulation({ curves, years, seed: [11, 22, 33, 44] });
  while (!simulation.finished) simulation.runChunk(chunk);
  return simulation;
}

describe('the analytic curve', () => {
  it('integrates as physrisk does: trapezoids over p = 1/RP plus the tail d(I₁₀₀₀)/1000', () => {
    const d = [0, 0.01, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.22];
    const rp = [2, 5, 10, 25, 50, 100, 250, 500, 1000];
    let expected = d[8]! / 1000;
    for (let i = 1; i < 9; i++) expected += (1 / rp[i - 1]! - 1 / rp[i]!) * ((d[i - 1]! + d[i]!) / 2);
    expect(expectedAnnualDamage(flood)).toBeCloseTo(expected, 15);
  });

  it('does no damage above the first node, interpolates between nodes and holds the tail', () => {
    expect(damageAt(flood, 0.6)).toBe(0);
    expect(damageAt(flood, 0.01)).toBeCloseTo(0.1, 15);
    expect(damageAt(flood, 0.015)).toBeCloseTo(0.09, 12);
    expect(damageAt(flood, 1e-6)).toBe(0.22);
    expect(damageAt(fire, 0.003)).toBe(0);
    expect(damageAt(fire, 0.001)).toBe(0.7);
  });
});

describe('the Monte-Carlo simulation', () => {
  const cells = [
    [flood, wind, fire],
    [flood, flood, fire],
  ];
  const simulation = simulate(cells, 200_000);

  it('agrees with the analytic EAL of every hazard within 3 standard errors', () => {
    cells.forEach((curves, c) => {
      const losses = simulation.cellLosses(c);
      curves.forEach((curve, h) => {
        expect(Math.abs(losses.hazardMeans[h]! - expectedAnnualDamage(curve))).toBeLessThanOrEqual(3 * losses.hazardStdErrors[h]!);
      });
    });
  });

  it("finds a single hazard's 1-in-100 loss where its curve puts it", () => {
    const single = simulate([[flood]], 200_000).cellLosses(0);
    expect(Math.abs(single.loss100Fraction - damageAt(flood, 0.01))).toBeLessThanOrEqual(3 * single.loss100StdError + 0.002);
    expect(Math.abs(single.loss250Fraction - damageAt(flood, 0.004))).toBeLessThanOrEqual(3 * single.loss250StdError + 0.002);
    expect(single.loss100StdError).toBeGreaterThan(0);
  });

  it('gives the same figures for the same seed, whatever the chunk size', () => {
    const a = simulate(cells, 30_000, 1_000);
    const b = simulate(cells, 30_000, 7_777);
    expect(a.cellLosses(0)).toEqual(b.cellLosses(0));
    expect(a.cellLosses(1)).toEqual(b.cellLosses(1));
  });

  it('never gives a worse curve a smaller loss: cells share their draws', () => {
    const worse = curveFromReturnPeriods(flood.d.map((d) => Math.min(1, d * 1.5)));
    const s = simulate([[flood], [worse]], 20_000);
    const [a, b] = [s.cellLosses(0), s.cellLosses(1)];
    expect(b.meanFraction).toBeGreaterThan(a.meanFraction);
    expect(b.loss100Fraction).toBeGreaterThanOrEqual(a.loss100Fraction);
    expect(b.loss250Fraction).toBeGreaterThanOrEqual(a.loss250Fraction);
  });

  it('combines hazards of a year as independent losses: 1 − Π(1 − d)', () => {
    const always = curveFromReturnPeriods(Array(9).fill(0.5) as number[]);
    const certain: ExceedanceCurve = { p: [1], d: [0.5] };
    const losses = simulate([[certain, certain]], 1_000).cellLosses(0);
    expect(losses.meanFraction).toBeCloseTo(0.75, 12);
    expect(simulate([[always]], 1_000).cellLosses(0).meanFraction).toBeGreaterThan(0);
  });
});
