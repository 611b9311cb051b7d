/**
 * Monte-Carlo annual losses over every scenario cell at once.
 *
 * Each simulated year draws one exceedance probability u ~ U(0,1) per acute hazard and reuses it in
 * every cell (common random numbers): a year that is a 1-in-80 flood year is one under every scenario,
 * so differences between scenarios are not drowned in sampling noise and a worse curve can never give a
 * smaller simulated loss. A cell's year loss combines independent hazards: 1 − Π(1 − d_h).
 *
 * Memory is bounded whatever the number of years: running sums for means, and a fixed log-scale
 * histogram per cell for the quantiles. The inner loop allocates nothing.
 */
import type { ExceedanceCurve } from './curves.js';
import { Xoshiro128 } from './random.js';

export interface SimulationPlan {
  /** curves[cell][hazard]: the same hazards, in the same order, in every cell. */
  curves: readonly (readonly ExceedanceCurve[])[];
  years: number;
  /** Four 32-bit words; the same seed gives the same figures. */
  seed: readonly [number, number, number, number];
}

export interface CellLosses {
  meanFraction: number;
  meanStdError: number;
  loss100Fraction: number;
  loss100StdError: number;
  loss250Fraction: number;
  loss250StdError: number;
  /** Per hazard: Monte-Carlo mean damage and its standard error (checks the analytic EAL). */
  hazardMeans: number[];
  hazardStdErrors: number[];
}

/** Histogram of non-zero losses: 256 bins per decade from 1e-9 to 1. */
const BINS_PER_DECADE = 256;
const DECADES = 9;
const BIN_COUNT = BINS_PER_DECADE * DECADES;

/** Years per chunk: about a millisecond or two of work between progress reports and abort checks. */
export const CHUNK_YEARS = 8_192;

export class LossSimulation {
  readonly years: number;
  private readonly cells: number;
  private readonly hazards: number;
  private readonly random: Xoshiro128;
  /** Flattened [cell][hazard][node] probabilities and damages, padded to the longest curve. */
  private readonly nodeP: Float64Array;
  private readonly nodeD: Float64Array;
  private readonly nodeCount: Int32Array;
  private readonly maxNodes: number;
  private readonly draws: Float64Array;
  private readonly lossSum: Float64Array;
  private readonly lossSquares: Float64Array;
  private readonly hazardSum: Float64Array;
  private readonly hazardSquares: Float64Array;
  private readonly histogram: Uint32Array;
  private done = 0;

  constructor(plan: SimulationPlan) {
    this.years = plan.years;
    this.cells = plan.curves.length;
    this.hazards = plan.curves[0]?.length ?? 0;
    this.random = new Xoshiro128(plan.seed);
    this.maxNodes = Math.max(1, ...plan.curves.flatMap((cell) => cell.map((c) => c.p.length)));
    const slots = this.cells * this.hazards;
    this.nodeP = new Float64Array(slots * this.maxNodes);
    this.nodeD = new Float64Array(slots * this.maxNodes);
    this.nodeCount = new Int32Array(slots);
    plan.curves.forEach((cell, c) => {
      if (cell.length !== this.hazards) throw new Error('every cell must list the same hazards');
      cell.forEach((curve, h) => {
        const slot = c * this.hazards + h;
        this.nodeCount[slot] = curve.p.length;
        this.nodeP.set(curve.p, slot * this.maxNodes);
        this.nodeD.set(curve.d, slot * this.maxNodes);
      });
    });
    this.draws = new Float64Array(this.hazards);
    this.lossSum = new Float64Array(this.cells);
    this.lossSquares = new Float64Array(this.cells);
    this.hazardSum = new Float64Array(slots);
    this.hazardSquares = new Float64Array(slots);
    this.histogram = new Uint32Array(this.cells * BIN_COUNT);
  }

  get completedYears(): number {
    return this.done;
  }

  get finished(): boolean {
    return this.done >= this.years;
  }

  /** Simulates up to `maxYears` more years; returns how many it did. */
  runChunk(maxYears = CHUNK_YEARS): number {
    const n = Math.min(maxYears, this.years - this.done);
    const { cells, hazards, maxNodes, nodeP, nodeD, nodeCount, draws, random } = this;
    const { lossSum, lossSquares, hazardSum, hazardSquares, histogram } = this;
    for (let year = 0; year < n; year++) {
      for (let h = 0; h < hazards; h++) draws[h] = random.next();
      for (let c = 0; c < cells; c++) {
        let survive = 1;
        const cellSlot = c * hazards;
        for (let h = 0; h < hazards; h++) {
          const slot = cellSlot + h;
          const base = slot * maxNodes;
          const u = draws[h]!;
          const count = nodeCount[slot]!;
          if (count > 0 && u <= nodeP[base]!) {
            // Curves are short (≤ 9 nodes) and most draws fall in the first segments: a scan wins.
            let d: number;
            let i = 1;
            while (i < count && u <= nodeP[base + i]!) i++;
            if (i === count) {
              d = nodeD[base + count - 1]!;
            } else {
              const p0 = nodeP[base + i - 1]!;
              const d0 = nodeD[base + i - 1]!;
              d = d0 + ((nodeD[base + i]! - d0) * (p0 - u)) / (p0 - nodeP[base + i]!);
            }
            hazardSum[slot]! += d;
            hazardSquares[slot]! += d * d;
            survive *= 1 - d;
          }
        }
        const loss = 1 - survive;
        if (loss > 0) {
          lossSum[c]! += loss;
          lossSquares[c]! += loss * loss;
          let bin = Math.floor((Math.log10(loss) + DECADES) * BINS_PER_DECADE);
          if (bin < 0) bin = 0;
          else if (bin >= BIN_COUNT) bin = BIN_COUNT - 1;
          histogram[c * BIN_COUNT + bin]!++;
        }
      }
    }
    this.done += n;
    return n;
  }

  /** Figures for one cell from the years simulated so far. */
  cellLosses(cell: number): CellLosses {
    const n = this.done;
    const mean = this.lossSum[cell]! / n;
    const hazardMeans: number[] = [];
    const hazardStdErrors: number[] = [];
    for (let h = 0; h < this.hazards; h++) {
      const slot = cell * this.hazards + h;
      const m = this.hazardSum[slot]! / n;
      hazardMeans.push(m);
      hazardStdErrors.push(standardError(m, this.hazardSquares[slot]! / n, n));
    }
    const [loss100Fraction, loss100StdError] = this.quantile(cell, 0.99);
    const [loss250Fraction, loss250StdError] = this.quantile(cell, 1 - 1 / 250);
    return {
      meanFraction: mean,
      meanStdError: standardError(mean, this.lossSquares[cell]! / n, n),
      loss100Fraction,
      loss100StdError,
      loss250Fraction,
      loss250StdError,
      hazardMeans,
      hazardStdErrors,
    };
  }

  /**
   * The q-quantile of the annual loss and its standard error from the binomial spread of the order
   * statistic: SE ≈ (Q(q + δ) − Q(q − δ)) / 2 with δ = √(q(1 − q)/n).
   */
  private quantile(cell: number, q: number): [number, number] {
    const n = this.done;
    const delta = Math.sqrt((q * (1 - q)) / n);
    const value = this.quantileValue(cell, q);
    const spread = (this.quantileValue(cell, Math.min(1, q + delta)) - this.quantileValue(cell, Math.max(0, q - delta))) / 2;
    return [value, spread];
  }

  private quantileValue(cell: number, q: number): number {
    const n = this.done;
    // Years with a loss above the quantile; walk the histogram down from the largest losses.
    const above = (1 - q) * n;
    let seen = 0;
    const offset = cell * BIN_COUNT;
    for (let bin = BIN_COUNT - 1; bin >= 0; bin--) {
      const count = this.histogram[offset + bin]!;
      if (count > 0 && seen + count >= above) {
        // Log-linear within the bin: the bin's share still above the quantile sits at its top.
        const share = (above - seen) / count;
        const logLow = bin / BINS_PER_DECADE - DECADES;
        return Math.min(1, 10 ** (logLow + (1 - share) / BINS_PER_DECADE));
      }
      seen += count;
    }
    return 0;
  }
}

function standardError(mean: number, meanOfSquares: number, n: number): number {
  if (n < 2) return 0;
  const variance = Math.max(0, meanOfSquares - mean * mean) * (n / (n - 1));
  return Math.sqrt(variance / n);
}
