/**
 * DeepDream on a photo (Mordvintsev et al., 2015): gradient ascent on the photo's own pixels to amplify
 * what a layer already sees. As in the original notebook: octaves (the photo at a pyramid of sizes, each
 * scale x larger, smallest first; the detail the dream added is carried up to the next octave), a random
 * roll of the image each step so tile-aligned artefacts do not build up, and the gradient divided by its
 * mean absolute value so the step size means the same at every layer and octave.
 */
import * as tf from '@tensorflow/tfjs-core';
import { pixelsToRgb, type ImagePixels } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';
import type { RgbaImage } from '../visual/atlas.ts';
import { measureObjective, nextTask, objectiveValue } from './evaluate.ts';
import { readImage } from './frame.ts';
import { ensureGradients } from './gradients.ts';
import type { Objective } from './objectives.ts';
import { mulberry32, randomInt, type Random } from './random.ts';
import { roll } from './transforms.ts';
import type { DreamFrame } from './visualize.ts';

export interface DeepDreamOptions {
  /** Number of octaves (default 4); octaves smaller than minSize pixels on a side are skipped. */
  octaves?: number;
  /** Size ratio between octaves (default 1.4). */
  octaveScale?: number;
  minSize?: number;
  /** Ascent steps per octave (default 10). */
  stepsPerOctave?: number;
  /** Step on pixels in [0, 1] per unit of normalised gradient (default 0.01). */
  stepSize?: number;
  /** Largest roll in pixels, each axis (default 16). */
  jitter?: number;
  seed?: number;
  /** Frames (at the current octave's size) every this many steps. */
  frameEvery?: number;
  onFrame?: (frame: DreamFrame) => void | Promise<void>;
  signal?: AbortSignal;
}

export interface DeepDreamResult {
  /** The dreamed photo, at the photo's size. */
  image: RgbaImage;
  pixels: Float32Array;
  /** The objective on the photo and on the result, both at full size without roll. */
  before: number;
  after: number;
  steps: number;
  seconds: number;
  stepsPerSecond: number;
}

export async function deepDreamPhoto(
  network: Network,
  photo: ImagePixels,
  objective: Objective,
  options: DeepDreamOptions = {},
): Promise<DeepDreamResult> {
  await ensureGradients();
  const random = mulberry32(options.seed ?? 0);
  const sizes = octaveSizes(photo, options.octaves ?? 4, options.octaveScale ?? 1.4, options.minSize ?? 32);
  const photoRgb = tf.tidy(() => tf.expandDims(tf.div(pixelsToRgb(photo), 255), 0) as tf.Tensor4D);
  let image = tf.clone(photoRgb);
  try {
    const before = await measureObjective(network, objective, photoRgb);
    const start = performance.now();
    let step = 0;
    for (const size of sizes) {
      const base = resize(photoRgb, size);
      let dream = tf.tidy(
        () =>
          tf.add(base, resize(tf.sub(image, resize(photoRgb, [image.shape[1], image.shape[2]])), size)) as tf.Tensor4D,
      );
      for (let i = 0; i < (options.stepsPerOctave ?? 10); i++) {
        options.signal?.throwIfAborted();
        const next = ascend(network, objective, dream, random, options);
        dream.dispose();
        dream = next;
        step++;
        if (options.onFrame && options.frameEvery && step % options.frameEvery === 0)
          await options.onFrame({ step, image: (await readImage(dream)).image });
        await nextTask();
      }
      base.dispose();
      image.dispose();
      image = dream;
    }
    const seconds = (performance.now() - start) / 1000;
    const { image: rgba, pixels } = await readImage(image);
    const after = await measureObjective(network, objective, image);
    return { image: rgba, pixels, before, after, steps: step, seconds, stepsPerSecond: step / seconds };
  } finally {
    tf.dispose([photoRgb, image]);
  }
}

/**
 * Octave sizes [height, width], smallest first, ending at the photo's own size. Carrying the dream from
 * one octave to the next adds back the difference (dream - photo) upscaled, so the photo's own detail is
 * never blurred by the pyramid: only the dream's is.
 */
export function octaveSizes(
  photo: { width: number; height: number },
  octaves: number,
  scale: number,
  minSize: number,
): [number, number][] {
  const sizes: [number, number][] = [];
  for (let i = octaves - 1; i >= 0; i--) {
    const f = scale ** -i;
    const size: [number, number] = [Math.round(photo.height * f), Math.round(photo.width * f)];
    if (Math.min(...size) >= minSize || i === 0) sizes.push(size);
  }
  return sizes;
}

/** One step: roll, gradient of the objective, normalise by mean |g|, step, keep pixels in [0, 1]. */
function ascend(
  network: Network,
  objective: Objective,
  image: tf.Tensor4D,
  random: Random,
  options: DeepDreamOptions,
): tf.Tensor4D {
  const jitter = options.jitter ?? 16;
  const dy = randomInt(random, -jitter, jitter);
  const dx = randomInt(random, -jitter, jitter);
  return tf.tidy(() => {
    // The roll is inside the differentiated function, so the gradient comes back unrolled.
    const g = tf.grad((x: tf.Tensor) => objectiveValue(network, objective, roll(x as tf.Tensor4D, dy, dx)))(image);
    const normalised = tf.div(g, tf.add(tf.mean(tf.abs(g)), 1e-8));
    return tf.clipByValue(tf.add(image, tf.mul(normalised, options.stepSize ?? 0.01)), 0, 1) as tf.Tensor4D;
  });
}

function resize(image: tf.Tensor4D, [h, w]: [number, number]): tf.Tensor4D {
  if (image.shape[1] === h && image.shape[2] === w) return tf.clone(image);
  return tf.image.resizeBilinear(image, [h, w], false, true);
}
