/**
 * SmoothGrad (Smilkov et al. 2017): the gradient averaged over copies of the image with Gaussian noise.
 * The noise is a share of the image's value range (the paper's "noise level", 10-20% works best), not an
 * absolute amount, so it means the same for a dark photo and a bright one. One sample per pass, each in
 * its own tidy (batching did not help on single-threaded wasm); the running mean is reported after each.
 * As in PAIR-code/saliency, the signed gradients are averaged and the mean drawn as a magnitude.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureGradients } from '../dream/gradients.ts';
import { mulberry32, normalArray } from '../dream/random.ts';
import type { Network } from '../model/network.ts';
import type { GuidedSlope } from './gradients.ts';
import { reduceChannels, type AttributionMap } from './map.ts';
import { checkpoint, type AttributionRun } from './run.ts';
import { inputGradient, targetObjective, type AttributionTarget } from './target.ts';

export interface SmoothGradOptions {
  /** Noisy copies averaged (default 25). */
  samples?: number;
  /** Noise standard deviation as a share of the image's max - min (default 0.15). */
  noise?: number;
  /** Average the squared gradient instead (SmoothGrad-squared, Hooker et al. 2019). */
  squared?: boolean;
  /** Seed of the noise: the same seed gives the same map. */
  seed?: number;
  /** Smooth guided backprop's gradient instead of the plain one. */
  guided?: GuidedSlope;
}

export async function smoothGrad(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
  options: SmoothGradOptions = {},
  run: AttributionRun = {},
): Promise<AttributionMap> {
  await ensureGradients();
  const samples = options.samples ?? 25;
  const random = mulberry32(options.seed ?? 0);
  const objective = targetObjective(network, target);
  const range = await valueRange(rgb);
  const sd = (options.noise ?? 0.15) * range;
  let total: tf.Tensor4D = tf.zerosLike(rgb);
  let map: AttributionMap | undefined;
  try {
    for (let i = 0; i < samples; i++) {
      const noise = normalArray(random, rgb.size, sd);
      const next = tf.tidy(() => {
        const noisy = tf.add(rgb, tf.tensor(noise, rgb.shape)) as tf.Tensor4D;
        const gradient = inputGradient(network, objective, noisy, options.guided ? { guided: options.guided } : {});
        return tf.add(total, options.squared ? tf.square(gradient) : gradient) as tf.Tensor4D;
      });
      total.dispose();
      total = next;
      const mean = tf.tidy(() => tf.div(total, i + 1) as tf.Tensor4D);
      map = await reduceChannels(mean, 'magnitude').finally(() => mean.dispose());
      await run.onPartial?.(map, i + 1, samples);
      if (i + 1 < samples) await checkpoint(run);
    }
  } finally {
    total.dispose();
  }
  return map!;
}

async function valueRange(rgb: tf.Tensor4D): Promise<number> {
  const [low, high] = tf.tidy(() => [tf.min(rgb), tf.max(rgb)]);
  try {
    return (await high!.data())[0]! - (await low!.data())[0]!;
  } finally {
    tf.dispose([low!, high!]);
  }
}
