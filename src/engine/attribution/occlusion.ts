/**
 * Occlusion sensitivity (Zeiler and Fergus 2014, the lecture's experiment): slide a patch over the image,
 * grey or blurred, and record how much the target drops. A pixel's value is the mean drop over the windows
 * that cover it, so the map is signed: covering a distractor can raise the class's probability.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/network.ts';
import { scoresOfImages } from './batch-score.ts';
import { gaussianBlur } from './blur.ts';
import type { AttributionMap } from './map.ts';
import { checkpoint, type AttributionRun } from './run.ts';
import type { AttributionTarget } from './target.ts';

export type OcclusionPatch = 'grey' | 'blur';

export interface OcclusionOptions {
  /** Side of the square patch in pixels (default 32). */
  window?: number;
  /** Step between patch positions in pixels (default 16). */
  stride?: number;
  /** What covers the window: mid grey (0.5) or the blurred photo (default grey). */
  patch?: OcclusionPatch;
  /** Images per forward pass (default 4: progress and cancelling stay responsive). */
  batch?: number;
}

export interface OcclusionResult {
  map: AttributionMap;
  /** The target's value for the whole image. */
  original: number;
  /** Forward passes run (patch positions). */
  positions: number;
}

/** Window offsets along a side: every stride, plus one flush with the far edge so every pixel is covered. */
export function windowOffsets(size: number, window: number, stride: number): number[] {
  if (window >= size) return [0];
  const offsets: number[] = [];
  for (let p = 0; p + window <= size; p += stride) offsets.push(p);
  if (offsets.at(-1)! + window < size) offsets.push(size - window);
  return offsets;
}

export async function occlusion(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
  options: OcclusionOptions = {},
  run: AttributionRun = {},
): Promise<OcclusionResult> {
  const [, height, width] = rgb.shape;
  const window = Math.min(options.window ?? 32, height, width);
  const stride = Math.max(1, options.stride ?? 16);
  const image = await rgb.data<'float32'>();
  const cover = await patchPixels(rgb, options.patch ?? 'grey');
  const [original] = await scoresOfImages(network, target, [image], [height, width]);
  const windows = windowOffsets(height, window, stride).flatMap((top) =>
    windowOffsets(width, window, stride).map((left) => ({ top, left })),
  );
  const drop = new Float64Array(width * height);
  const count = new Uint16Array(width * height);
  const batch = Math.max(1, options.batch ?? 4);
  let map: AttributionMap = { width, height, values: new Float32Array(width * height), signed: true };
  for (let start = 0; start < windows.length; start += batch) {
    const group = windows.slice(start, start + batch);
    const images = group.map(({ top, left }) => occluded(image, cover, width, top, left, window));
    const scores = await scoresOfImages(network, target, images, [height, width]);
    group.forEach(({ top, left }, i) => {
      for (let y = top; y < top + window; y++)
        for (let x = left; x < left + window; x++) {
          drop[y * width + x]! += original! - scores[i]!;
          count[y * width + x]!++;
        }
    });
    map = { width, height, values: Float32Array.from(drop, (d, i) => (count[i] ? d / count[i]! : 0)), signed: true };
    await run.onPartial?.(map, Math.min(windows.length, start + batch), windows.length);
    if (start + batch < windows.length) await checkpoint(run);
  }
  return { map, original: original!, positions: windows.length };
}

async function patchPixels(rgb: tf.Tensor4D, patch: OcclusionPatch): Promise<Float32Array | number> {
  if (patch === 'grey') return 0.5;
  const blurred = gaussianBlur(rgb);
  try {
    return await blurred.data<'float32'>();
  } finally {
    blurred.dispose();
  }
}

function occluded(
  image: Float32Array,
  cover: Float32Array | number,
  width: number,
  top: number,
  left: number,
  window: number,
): Float32Array {
  const out = image.slice();
  for (let y = top; y < top + window; y++) {
    const from = (y * width + left) * 3;
    const to = from + window * 3;
    if (typeof cover === 'number') out.fill(cover, from, to);
    else out.set(cover.subarray(from, to), from);
  }
  return out;
}
