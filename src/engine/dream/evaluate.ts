/** Objectives on an RGB image: the differentiable scalar inside optimisation, and a plain number for reports. */
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/network.ts';
import { toModelInput } from './model-input.ts';
import type { Objective } from './objectives.ts';
import { mulberry32 } from './random.ts';
import { applyTransform, drawTransform, LUCID_TRANSFORMS, type TransformOptions } from './transforms.ts';

/** The objective's value for a [1, h, w, 3] RGB image in [0, 1], from one forward pass. Differentiable. */
export function objectiveValue(network: Network, objective: Objective, rgb: tf.Tensor4D): tf.Scalar {
  return tf.tidy(() => {
    const outputs = network.forward(toModelInput(rgb, network.spec.preprocessing), [...objective.layers], {
      differentiable: true,
    });
    return objective.value(new Map(objective.layers.map((layer, i) => [layer, outputs[i]!])));
  });
}

/** The objective's value as a number (no transforms: the image as given). */
export async function measureObjective(network: Network, objective: Objective, rgb: tf.Tensor4D): Promise<number> {
  const value = objectiveValue(network, objective, rgb);
  try {
    return (await value.data())[0]!;
  } finally {
    value.dispose();
  }
}

/**
 * The objective's mean over `draws` random transforms of the image (a fixed seed, so two images are
 * judged on the same draws): how well a visualisation keeps driving its unit when shifted, scaled and
 * rotated a little, which pixel-exact (naive) optimisation does not aim for.
 */
export async function measureUnderTransforms(
  network: Network,
  objective: Objective,
  rgb: tf.Tensor4D,
  options: { draws?: number; seed?: number; transforms?: TransformOptions } = {},
): Promise<number> {
  const random = mulberry32(options.seed ?? 12345);
  const transforms = options.transforms ?? LUCID_TRANSFORMS;
  const draws = options.draws ?? 8;
  let total = 0;
  for (let i = 0; i < draws; i++) {
    const draw = drawTransform(random, transforms);
    const value = tf.tidy(() => objectiveValue(network, objective, applyTransform(rgb, draw, transforms)));
    total += (await value.data())[0]!;
    value.dispose();
  }
  return total / draws;
}

/**
 * Lets timers and events (an AbortSignal's abort, a page's repaint) run between steps: tfjs on wasm and
 * cpu computes synchronously, so without this a cancel request would wait for the whole run.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
