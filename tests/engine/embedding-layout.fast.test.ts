/** The PCA and UMAP layouts: PCA recovers a plane hidden in 20 dimensions; UMAP is seeded. Pure: no weights. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/dream/random.ts';
import { layout, pca2 } from '../../src/engine/embedding/layout.ts';
import type { VectorSet } from '../../src/engine/embedding/neighbours.ts';

/** Pearson's correlation. */
function correlation(a: number[], b: number[]): number {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

/** Every pairwise Euclidean distance of a flat [x0, y0, x1, y1, ...] (or wider) point array. */
function pairwiseDistances(points: ArrayLike<number>, dim: number): number[] {
  const n = points.length / dim;
  const out: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let sum = 0;
      for (let d = 0; d < dim; d++) sum += (points[i * dim + d]! - points[j * dim + d]!) ** 2;
      out.push(Math.sqrt(sum));
    }
  return out;
}

/** Rows of n gaussian-ish values (sum of uniforms), seeded. */
function randomRows(n: number, dim: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n * dim }, () => random() + random() + random() - 1.5);
}

describe('layout', () => {
  it('pca2 is deterministic and recovers a plane embedded in 20-D', () => {
    const n = 60;
    const dim = 20;
    const random = mulberry32(5);
    // Two orthonormal directions in 20-D (Gram-Schmidt on random vectors).
    const u = Array.from({ length: dim }, () => random() - 0.5);
    const v = Array.from({ length: dim }, () => random() - 0.5);
    const dot = (p: number[], q: number[]) => p.reduce((s, x, i) => s + x * q[i]!, 0);
    const un = Math.sqrt(dot(u, u));
    u.forEach((x, i) => (u[i] = x / un));
    const uv = dot(u, v);
    v.forEach((x, i) => (v[i] = x - uv * u[i]!));
    const vn = Math.sqrt(dot(v, v));
    v.forEach((x, i) => (v[i] = x / vn));
    // Plane coordinates (spread 3 along one axis, 1 along the other), a fixed offset, noise 1e-3.
    const plane = Array.from({ length: n }, () => [6 * (random() - 0.5), 2 * (random() - 0.5)] as const);
    const rows = plane.map(([a, b]) =>
      Array.from({ length: dim }, (_, j) => 0.7 + a * u[j]! + b * v[j]! + 1e-3 * (random() - 0.5)),
    );
    const first = pca2(rows);
    expect(first.length).toBe(2 * n);
    expect(pca2(rows)).toEqual(first);
    const r = correlation(pairwiseDistances(first, 2), pairwiseDistances(plane.flat(), 2));
    expect(r).toBeGreaterThan(0.99);
    // The first axis carries the larger spread.
    const spread = (axis: number) => Math.max(...plane.map((_, i) => Math.abs(first[i * 2 + axis]!)));
    expect(spread(0)).toBeGreaterThan(spread(1));
  });

  it("layout(set, 'umap') is seeded: the same seed gives the same map, another seed another", () => {
    const set: VectorSet = { count: 40, dim: 20, data: randomRows(40, 20, 9) };
    const a = layout(set, 'umap', { seed: 3 });
    const b = layout(set, 'umap', { seed: 3 });
    const c = layout(set, 'umap', { seed: 4 });
    expect(a.length).toBe(80);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
