/**
 * Deletion and insertion curves (Petsiuk et al. 2018, RISE): take pixels in the map's order, most
 * important first, 2% of them per step. Deletion paints them grey: a faithful map makes the class's
 * probability fall fast (low area under the curve). Insertion puts them into a blurred copy: it should
 * rise fast (high area). The same protocol for every method, so their areas compare.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/network.ts';
import { scoresOfImages } from './batch-score.ts';
import { gaussianBlur } from './blur.ts';
import type { AttributionMap } from './map.ts';
import { checkpoint, type AttributionRun } from './run.ts';
import type { AttributionTarget } from './target.ts';

export interface FaithfulnessOptions {
  /** Share of the pixels taken per step (default 0.02: 50 steps). */
  stepShare?: number;
  /** Images per forward pass (default 4). */
  batch?: number;
}

export interface Curves {
  /** The target's value after 0, 1, ... steps (deletion: greyed; insertion: restored). */
  deletion: number[];
  insertion: number[];
  /** Areas under the curves over the share of pixels taken (0 to 1), by the trapezoid rule. */
  deletionAuc: number;
  insertionAuc: number;
}

/** Pixel indexes from the highest value to the lowest (ties by position, so the order is reproducible). */
export function importanceOrder(values: ArrayLike<number>): Uint32Array {
  const order = Uint32Array.from({ length: values.length }, (_, i) => i);
  return order.sort((a, b) => values[b]! - values[a]! || a - b);
}

/** Area under y over x evenly spaced in [0, 1]. */
export function areaUnder(ys: number[]): number {
  if (ys.length < 2) return ys[0] ?? 0;
  const inner = ys.reduce((a, b) => a + b, 0) - (ys[0]! + ys.at(-1)!) / 2;
  return inner / (ys.length - 1);
}

export async function deletionInsertion(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
  map: AttributionMap,
  options: FaithfulnessOptions = {},
  run: AttributionRun = {},
): Promise<Curves> {
  const [, height, width] = rgb.shape;
  if (map.width !== width || map.height !== height)
    throw new Error(`The map is ${map.width}x${map.height}; the image is ${width}x${height}.`);
  const steps = Math.round(1 / (options.stepShare ?? 0.02));
  const order = importanceOrder(map.values);
  const image = await rgb.data<'float32'>();
  const blurredTensor = gaussianBlur(rgb);
  const blurred = await blurredTensor.data<'float32'>().finally(() => blurredTensor.dispose());
  const deleted = image.slice();
  const inserted = blurred.slice();
  const frames: { deletion: Float32Array; insertion: Float32Array }[] = [];
  let taken = 0;
  for (let s = 0; s <= steps; s++) {
    const until = Math.round((s / steps) * order.length);
    for (; taken < until; taken++) {
      const at = order[taken]! * 3;
      deleted.fill(0.5, at, at + 3);
      inserted.set(image.subarray(at, at + 3), at);
    }
    frames.push({ deletion: deleted.slice(), insertion: inserted.slice() });
  }
  const batch = Math.max(1, options.batch ?? 4);
  const deletion: number[] = [];
  const insertion: number[] = [];
  for (let start = 0; start < frames.length; start += batch) {
    const group = frames.slice(start, start + batch);
    const images = [...group.map((f) => f.deletion), ...group.map((f) => f.insertion)];
    const scores = await scoresOfImages(network, target, images, [height, width]);
    deletion.push(...scores.slice(0, group.length));
    insertion.push(...scores.slice(group.length));
    await checkpoint(run);
  }
  return { deletion, insertion, deletionAuc: areaUnder(deletion), insertionAuc: areaUnder(insertion) };
}
