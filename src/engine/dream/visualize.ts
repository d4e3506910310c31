/**
 * Feature visualisation by activation maximisation: start from noise and follow the objective's gradient
 * with respect to the image. The recipe (Olah et al., "Feature Visualization", Distill 2017; Lucid) uses
 * a Fourier, colour-decorrelated parameterisation and transformation robustness; the naive baseline
 * optimises sigmoid pixels with no transforms, with the same optimiser and step count.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/network.ts';
import type { RgbaImage } from '../visual/atlas.ts';
import { Adam } from './adam.ts';
import { measureObjective, nextTask, objectiveValue } from './evaluate.ts';
import { readImage } from './frame.ts';
import { ensureGradients } from './gradients.ts';
import type { Objective } from './objectives.ts';
import { fourierImage, pixelImage, type ImageParam } from './param.ts';
import { mulberry32 } from './random.ts';
import { applyTransform, drawTransform, LUCID_TRANSFORMS, type TransformOptions } from './transforms.ts';

/** A progress image, delivered every `frameEvery` steps. */
export interface DreamFrame {
  step: number;
  image: RgbaImage;
}

export interface VisualizeOptions {
  /** Image size (default 128 x 128). */
  width?: number;
  height?: number;
  /** Optimisation steps (default 256). */
  steps?: number;
  /** Seed of every random draw (default 0). */
  seed?: number;
  /** Adam step size (default 0.05, as Lucid). */
  learningRate?: number;
  /** 'fourier' (the recipe, default) or 'pixel' (naive). */
  parameterization?: 'fourier' | 'pixel';
  /** Transforms applied each step (default Lucid's); null for none. */
  transforms?: TransformOptions | null;
  /** Deliver a frame every this many steps (0 or absent: never). */
  frameEvery?: number;
  onFrame?: (frame: DreamFrame) => void | Promise<void>;
  /** Aborting rejects the run with the signal's reason, after freeing every tensor. */
  signal?: AbortSignal;
}

export interface DreamResult {
  image: RgbaImage;
  /** The final image as floats, row-major RGB in [0, 1]. */
  pixels: Float32Array;
  /** The objective on the final image, measured without transforms. */
  objective: number;
  steps: number;
  /** Wall time of the optimisation loop (frames included). */
  seconds: number;
  stepsPerSecond: number;
}

export async function visualize(
  network: Network,
  objective: Objective,
  options: VisualizeOptions = {},
): Promise<DreamResult> {
  await ensureGradients();
  const size = { width: options.width ?? 128, height: options.height ?? 128 };
  const steps = options.steps ?? 256;
  const transforms = options.transforms === undefined ? LUCID_TRANSFORMS : options.transforms;
  const random = mulberry32(options.seed ?? 0);
  const param: ImageParam = options.parameterization === 'pixel' ? pixelImage(size) : fourierImage(size);
  const adam = new Adam(param.init(random), { learningRate: options.learningRate ?? 0.05 });
  try {
    const start = performance.now();
    for (let step = 1; step <= steps; step++) {
      options.signal?.throwIfAborted();
      const draw = transforms ? drawTransform(random, transforms) : null;
      const gradient = tf.tidy(() =>
        tf.grad((p: tf.Tensor) => {
          const rgb = param.render(p);
          return objectiveValue(network, objective, draw && transforms ? applyTransform(rgb, draw, transforms) : rgb);
        })(adam.params),
      );
      adam.ascend(gradient);
      gradient.dispose();
      if (options.onFrame && options.frameEvery && step % options.frameEvery === 0)
        await emitFrame(param, adam.params, step, options.onFrame);
      await nextTask();
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      ...(await finalImage(network, objective, param, adam.params)),
      steps,
      seconds,
      stepsPerSecond: steps / seconds,
    };
  } finally {
    adam.dispose();
    param.dispose();
  }
}

/** The naive baseline: sigmoid pixels, no transforms, otherwise the same run. */
export function visualizeNaive(
  network: Network,
  objective: Objective,
  options: VisualizeOptions = {},
): Promise<DreamResult> {
  return visualize(network, objective, { ...options, parameterization: 'pixel', transforms: null });
}

async function emitFrame(
  param: ImageParam,
  params: tf.Tensor,
  step: number,
  onFrame: NonNullable<VisualizeOptions['onFrame']>,
): Promise<void> {
  const rgb = param.render(params);
  try {
    await onFrame({ step, image: (await readImage(rgb)).image });
  } finally {
    rgb.dispose();
  }
}

async function finalImage(network: Network, objective: Objective, param: ImageParam, params: tf.Tensor) {
  const rgb = param.render(params);
  try {
    const { image, pixels } = await readImage(rgb);
    return { image, pixels, objective: await measureObjective(network, objective, rgb) };
  } finally {
    rgb.dispose();
  }
}
