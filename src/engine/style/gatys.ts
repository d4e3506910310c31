/**
 * Neural style transfer by optimisation (Gatys, Ecker & Bethge, "A Neural Algorithm of Artistic Style",
 * 2015): start from the content photo and follow the gradient of a loss that keeps its deep features
 * (content) while matching the painting's Gram matrices (style). Defaults, normalisation and optimiser as
 * in the TensorFlow tutorial: Adam at 0.02 with beta1 0.99 and epsilon 0.1, pixels clipped to [0, 1].
 */
import * as tf from '@tensorflow/tfjs-core';
import { Adam } from '../dream/adam.ts';
import { nextTask } from '../dream/evaluate.ts';
import { readImage } from '../dream/frame.ts';
import { ensureGradients } from '../dream/gradients.ts';
import { pixelsToRgb, resizeRgb, type ImagePixels, type InputSize, type ResizeMode } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';
import type { RgbaImage } from '../visual/atlas.ts';
import {
  checkLayers,
  computeTargets,
  lossTerms,
  measureLoss,
  type GatysLoss,
  type GatysTargets,
  type LossSpec,
  type StyleLayer,
} from './objective.ts';

export type { GatysLoss, StyleLayer } from './objective.ts';

export interface GatysOptions {
  /** Layer whose features the result keeps from the photo (any loaded layer, e.g. 'block3_conv2'). */
  contentLayer: string;
  /** Layers whose Gram matrices the result takes from the painting (at least one). */
  styleLayers: StyleLayer[];
  /** Term weights (defaults from the TensorFlow tutorial: 1e4, 1e-2, 30). */
  contentWeight?: number;
  styleWeight?: number;
  tvWeight?: number;
  /** Adam steps (at least 1). */
  iterations: number;
  /** Iteration counts at which a snapshot image is kept; the final iteration is always the result. */
  checkpoints?: number[];
  /** Adam settings (defaults 0.02, 0.99, 0.999, 0.1, as the tutorial). */
  learningRate?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Deliver a frame every this many iterations (0 or absent: never). */
  frameEvery?: number;
  /** Called after every iteration with its number (cheap progress: no image read back). */
  onIteration?: (iteration: number) => void;
  onFrame?: (frame: GatysFrame) => void | Promise<void>;
  /** Aborting rejects the run with the signal's reason, after freeing every tensor. */
  signal?: AbortSignal;
}

/** A progress image and the loss of that image. */
export interface GatysFrame {
  iteration: number;
  image: RgbaImage;
  loss: GatysLoss;
}

export interface GatysResult {
  image: RgbaImage;
  /** The result as floats, row-major RGB in [0, 1]. */
  pixels: Float32Array;
  /** Images at the checkpoints that the run reached, in order. */
  snapshots: { iteration: number; image: RgbaImage }[];
  /** The loss of the result. */
  loss: GatysLoss;
  iterations: number;
  /** Wall time of the optimisation loop (frames and snapshots included). */
  seconds: number;
  iterationsPerSecond: number;
}

export async function gatys(
  network: Network,
  content: ImagePixels,
  style: ImagePixels,
  size: InputSize,
  options: GatysOptions,
): Promise<GatysResult> {
  const spec = lossSpec(options);
  checkLayers(network, spec);
  checkIterations(options.iterations);
  await ensureGradients();
  // Adam owns the image from here: the content photo, optimised in place.
  const { learningRate = 0.02, beta1 = 0.99, beta2 = 0.999, epsilon = 0.1 } = options;
  const adam = new Adam(unitRgb(content, size, 'squash'), { learningRate, beta1, beta2, epsilon });
  let targets: GatysTargets | undefined;
  try {
    targets = targetsFor(network, spec, adam.params as tf.Tensor4D, style, size);
    return await optimise(network, spec, targets, adam, options);
  } finally {
    adam.dispose();
    if (targets) tf.dispose([targets.content, ...targets.grams]);
  }
}

/**
 * The photo's features and the painting's Grams. The painting is cropped to the output's aspect ratio:
 * its style is wanted, not its composition.
 */
function targetsFor(
  network: Network,
  spec: LossSpec,
  photo: tf.Tensor4D,
  style: ImagePixels,
  size: InputSize,
): GatysTargets {
  const painting = unitRgb(style, size, 'center-crop');
  try {
    return computeTargets(network, spec, photo, painting);
  } finally {
    painting.dispose();
  }
}

/** The optimisation loop, from the content photo: snapshots, frames and aborts between steps. */
async function optimise(
  network: Network,
  spec: LossSpec,
  targets: GatysTargets,
  adam: Adam,
  options: GatysOptions,
): Promise<GatysResult> {
  const { iterations, frameEvery, onFrame } = options;
  const checkpoints = new Set(options.checkpoints);
  const snapshots: GatysResult['snapshots'] = [];
  const start = performance.now();
  for (let iteration = 1; iteration <= iterations; iteration++) {
    options.signal?.throwIfAborted();
    step(network, spec, targets, adam);
    options.onIteration?.(iteration);
    const image = adam.params as tf.Tensor4D;
    if (checkpoints.has(iteration)) snapshots.push({ iteration, image: (await readImage(image)).image });
    if (onFrame && frameEvery && iteration % frameEvery === 0) {
      await onFrame({
        iteration,
        image: (await readImage(image)).image,
        loss: await measureLoss(network, spec, targets, image),
      });
    }
    await nextTask();
  }
  const seconds = (performance.now() - start) / 1000;
  const result = adam.params as tf.Tensor4D;
  const { image, pixels } = await readImage(result);
  return {
    image,
    pixels,
    snapshots,
    loss: await measureLoss(network, spec, targets, result),
    iterations,
    seconds,
    iterationsPerSecond: iterations / seconds,
  };
}

/** One Adam descent step on the image, then the pixels clipped back to [0, 1]. */
function step(network: Network, spec: LossSpec, targets: GatysTargets, adam: Adam): void {
  const gradient = tf.tidy(() =>
    tf.grad((x: tf.Tensor) => tf.sum(lossTerms(network, spec, targets, x as tf.Tensor4D, true)))(adam.params),
  );
  try {
    adam.descend(gradient);
  } finally {
    gradient.dispose();
  }
  adam.clip(0, 1);
}

function lossSpec(options: GatysOptions): LossSpec {
  return {
    contentLayer: options.contentLayer,
    styleLayers: options.styleLayers,
    contentWeight: options.contentWeight ?? 1e4,
    styleWeight: options.styleWeight ?? 1e-2,
    tvWeight: options.tvWeight ?? 30,
  };
}

function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < 1)
    throw new Error(`Style transfer needs a whole number of iterations >= 1 (got ${iterations}).`);
}

/** Pixels to [1, h, w, 3] RGB in [0, 1] at `size`. The caller disposes it. */
function unitRgb(pixels: ImagePixels, size: InputSize, mode: ResizeMode): tf.Tensor4D {
  return tf.tidy(() => tf.expandDims(tf.div(resizeRgb(pixelsToRgb(pixels), size, mode), 255), 0) as tf.Tensor4D);
}
