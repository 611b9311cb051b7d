/** The normal distribution, as far as the hazard models need it. */

/** P(Z ≥ z) for a standard normal Z (complementary error function, Numerical Recipes erfcc; |ε| < 1.2e-7). */
export function normalSurvival(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** Standard-normal points from −5 to 5 in steps of 0.125 with their normalised weights. */
const GRID_STEP = 0.125;
const GRID = Array.from({ length: 81 }, (_, i) => -5 + i * GRID_STEP);
const GRID_WEIGHTS = (() => {
  const raw = GRID.map((z) => Math.exp(-0.5 * z * z));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
})();

/** E[f(X)] for X ~ N(mean, sd), on a fixed grid: deterministic, smooth, and accurate to 5 sd. */
export function normalExpectation(f: (x: number) => number, mean: number, sd: number): number {
  let sum = 0;
  for (let i = 0; i < GRID.length; i++) sum += GRID_WEIGHTS[i]! * f(mean + sd * GRID[i]!);
  return sum;
}
