/**
 * Quadrature rules on [0, 1] for Integrated Gradients' path integral: where along the path the gradient is
 * taken (alphas) and how much each counts (weights, summing to 1).
 */
export type QuadratureRule = 'trapezoid' | 'midpoint' | 'gauss-legendre';

export interface Quadrature {
  alphas: number[];
  weights: number[];
}

/** `points` evaluations of the rule (the trapezoid's steps are points - 1). */
export function quadrature(rule: QuadratureRule, points: number): Quadrature {
  const n = Math.max(rule === 'trapezoid' ? 2 : 1, Math.round(points));
  if (rule === 'trapezoid') {
    const alphas = Array.from({ length: n }, (_, k) => k / (n - 1));
    return { alphas, weights: alphas.map((_, k) => (k === 0 || k === n - 1 ? 0.5 : 1) / (n - 1)) };
  }
  if (rule === 'midpoint') {
    return { alphas: Array.from({ length: n }, (_, k) => (k + 0.5) / n), weights: Array<number>(n).fill(1 / n) };
  }
  return gaussLegendre(n);
}

/** Gauss-Legendre nodes and weights on [0, 1]: Newton's method on the Legendre polynomial P_n. */
function gaussLegendre(n: number): Quadrature {
  const alphas: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      let [p0, p1] = [1, x];
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      const pn = n === 1 ? x : p1;
      const pPrev = n === 1 ? 1 : p0;
      derivative = (n * (x * pn - pPrev)) / (x * x - 1);
      const step = pn / derivative;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    alphas.push((1 - x) / 2);
    weights.push(1 / ((1 - x * x) * derivative * derivative));
  }
  return { alphas, weights };
}
