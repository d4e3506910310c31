/** The precompute's clock: predicted seconds from the cost table, the bar's ETA, and how its honesty is judged. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../scripts/lib/progress.ts';
import { etaHonesty } from '../../scripts/lib/bench/eta.ts';
import { costOf } from '../../src/figures/registry/authoring.ts';
import type { Recipe } from '../../src/figures/registry/types.ts';
import { predictedSeconds, predictedSetIndexSeconds, type CostTable } from '../../src/node/precompute/predict.ts';

const topK = { kind: 'top-k', model: 'tiny-darknet', image: 'images-photos/chelsea.png', resize: 'squash', k: 5 };
const table: CostTable = {
  machine: 'test',
  secondsPerUnit: { 'top-k/tiny-darknet': 2, 'top-k/vgg19': 10, 'filters/tiny-darknet': 4, 'gram/vgg19': 6 },
  setIndexSecondsPerImage: { 'tiny-darknet': 0.1, vgg19: 0.5 },
};

describe('predictedSeconds', () => {
  it("scales the kind's cost by its kind and model's measured seconds per unit", () => {
    expect(predictedSeconds(topK as Recipe, table)).toBeCloseTo(costOf(topK as Recipe) * 2);
  });
  it('predicts an unmeasured model like the median of the same kind, an unmeasured kind like the median of all', () => {
    const other = { ...topK, model: 'tiny-vgg' } as Recipe;
    expect(predictedSeconds(other, table)).toBeCloseTo(costOf(other) * 6);
    const photo = { kind: 'input-photo', image: 'images-photos/chelsea.png', maxSide: 128 } as Recipe;
    expect(predictedSeconds(photo, table)).toBeCloseTo(costOf(photo) * 5);
  });
  it("counts a set index's images", () => {
    expect(predictedSetIndexSeconds('vgg19', 10, table)).toBeCloseTo(5);
    expect(predictedSetIndexSeconds('tiny-vgg', 10, table)).toBeCloseTo(3);
  });
});

describe('ProgressBar.remainingSeconds', () => {
  const quiet = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: false });
  it('is the work left times the seconds each unit of work done so far took', () => {
    const bar = new ProgressBar({ unit: 'figures', total: 4, totalWork: 100, stream: quiet as never });
    expect(bar.remainingSeconds()).toBeNull();
    const at = Date.now() + 10_000;
    bar.tick('a', 1, 0, 25);
    // 25 predicted seconds took about 10: the 75 left will take about 30.
    expect(bar.remainingSeconds(at)).toBeCloseTo(30, 0);
    bar.tick('b', 3, 0, 74.999);
    expect(bar.remainingSeconds(at)).toBe(0);
  });
});

describe('etaHonesty', () => {
  it('judges the points after the first tenth and before the last stretch, by the worse of over and under', () => {
    const log: [number, number][] = [
      [0, 500],
      [5, 1000],
      [20, 40],
      [50, 100],
      [80, 10],
      [98, 50],
      [100, 0],
    ];
    const honesty = etaHonesty(log);
    expect(honesty.judged).toBe(3);
    // At 80 s the ETA said 10 s with 20 s to go (2x); at 50 s it said 100 with 50 to go (2x); at 20 s, 2x under.
    expect(honesty.worstFactorAfterTenth).toBe(2);
    expect(etaHonesty([...log.slice(0, 4), [80, 5], [100, 0]]).worstAt).toEqual({
      elapsed: 80,
      predicted: 5,
      actual: 20,
    });
  });
});
