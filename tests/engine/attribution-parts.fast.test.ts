/** The attribution engine's arithmetic, without a network: ranks, percentiles, windows, areas, quadrature. */
import { describe, expect, it } from 'vitest';
import { areaUnder, importanceOrder } from '../../src/engine/attribution/faithfulness.ts';
import { completenessOf, DELTA_FLOOR } from '../../src/engine/attribution/integrated-gradients.ts';
import { magnitudePercentile, normaliseMap } from '../../src/engine/attribution/map.ts';
import { windowOffsets } from '../../src/engine/attribution/occlusion.ts';
import { quadrature } from '../../src/engine/attribution/quadrature.ts';
import { ranks, spearman } from '../../src/engine/attribution/rank.ts';

describe('rank correlation', () => {
  it('gives tied values their mean rank', () => {
    expect([...ranks([10, 20, 20, 5])]).toEqual([2, 3.5, 3.5, 1]);
  });
  it('is 1 for any increasing transform, -1 for a decreasing one', () => {
    const a = [0.1, 0.5, 0.3, 0.9, 0.7];
    expect(
      spearman(
        a,
        a.map((v) => Math.exp(5 * v)),
      ),
    ).toBeCloseTo(1, 12);
    expect(
      spearman(
        a,
        a.map((v) => -v * v),
      ),
    ).toBeCloseTo(-1, 12);
  });
  it('matches the textbook value on a small example', () => {
    // d = rank differences (0, 1, -1, 0, 0): rho = 1 - 6 * 2 / (5 * 24) = 0.9
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])).toBeCloseTo(0.9, 12);
  });
  it('is null for an all-zero map instead of dividing by zero', () => {
    expect(spearman([0, 0, 0], [1, 2, 3])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(/2 values against 1/);
  });
});

describe('one way to draw a map', () => {
  it('scales by the 99th percentile of magnitudes and clips', () => {
    const values = Float32Array.from({ length: 100 }, (_, i) => i + 1);
    values[99] = 1000; // one outlier
    expect(magnitudePercentile(values, 99)).toBe(99);
    const unsigned = normaliseMap({ width: 10, height: 10, values, signed: false });
    expect(unsigned[98]).toBe(1);
    expect(unsigned[99]).toBe(1);
    expect(unsigned[48]).toBeCloseTo(49 / 99, 6);
  });
  it('keeps the sign of signed maps and leaves an all-zero map at zero', () => {
    const signed = normaliseMap({ width: 2, height: 1, values: Float32Array.from([-2, 1]), signed: true });
    expect([...signed]).toEqual([-1, 0.5]);
    const unsignedNegative = normaliseMap({ width: 2, height: 1, values: Float32Array.from([-2, 1]), signed: false });
    expect(unsignedNegative[0]).toBe(0);
    expect([...normaliseMap({ width: 2, height: 1, values: new Float32Array(2), signed: false })]).toEqual([0, 0]);
  });
});

describe('occlusion windows', () => {
  it("covers 224 px with the lecture's 32 px window at stride 16 in 13 positions", () => {
    const offsets = windowOffsets(224, 32, 16);
    expect(offsets).toHaveLength(13);
    expect(offsets.at(-1)! + 32).toBe(224);
  });
  it('adds a window flush with the far edge when the stride does not land on it', () => {
    expect(windowOffsets(100, 32, 30)).toEqual([0, 30, 60, 68]);
    expect(windowOffsets(20, 32, 16)).toEqual([0]);
  });
});

describe('deletion and insertion', () => {
  it('orders pixels from the most important, ties by position', () => {
    expect([...importanceOrder([0.1, 0.9, 0.5, 0.9])]).toEqual([1, 3, 2, 0]);
  });
  it('integrates by the trapezoid rule over [0, 1]', () => {
    expect(areaUnder([1, 1, 1])).toBeCloseTo(1, 12);
    expect(areaUnder([0, 0.5, 1])).toBeCloseTo(0.5, 12);
    expect(areaUnder([1, 0])).toBeCloseTo(0.5, 12);
  });
});

describe('Integrated Gradients quadrature and completeness', () => {
  it('has weights that sum to 1 for every rule', () => {
    for (const rule of ['trapezoid', 'midpoint', 'gauss-legendre'] as const) {
      const { weights } = quadrature(rule, 32);
      expect(
        weights.reduce((a, b) => a + b, 0),
        rule,
      ).toBeCloseTo(1, 10);
    }
  });
  it('integrates polynomials of degree 2n - 1 exactly with n Gauss-Legendre points', () => {
    const { alphas, weights } = quadrature('gauss-legendre', 4);
    const integral = alphas.reduce((sum, a, i) => sum + weights[i]! * a ** 7, 0);
    expect(integral).toBeCloseTo(1 / 8, 12);
    expect(alphas.every((a) => a > 0 && a < 1)).toBe(true);
  });
  it('reports a relative error, or an absolute one when F(x) - F(baseline) is tiny', () => {
    expect(completenessOf([1, 2, 3], 5)).toMatchObject({ sum: 6, delta: 5, error: 0.2, relative: true });
    const tiny = completenessOf([0.01], DELTA_FLOOR / 10);
    expect(tiny.relative).toBe(false);
    expect(tiny.error).toBeCloseTo(0.005, 9);
  });
});
