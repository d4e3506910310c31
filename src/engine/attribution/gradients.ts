/**
 * Single-pass gradient methods on the RGB image: the vanilla gradient (Simonyan et al. 2014), gradient x
 * input, and guided backpropagation (Springenberg et al. 2015). One backward pass each, through plain
 * ops that every backend differentiates (no fused convs, the engine's exact max-pool routing).
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureGradients } from '../dream/gradients.ts';
import type { Network } from '../model/network.ts';
import { reduceChannels, type AttributionMap } from './map.ts';
import { inputGradient, targetObjective, type AttributionTarget } from './target.ts';

/** How guided backprop treats a leaky ReLU's negative side: as 0 (the original rule) or with its slope. */
export type GuidedSlope = 'zero-slope' | 'keep-slope';

/** |d score / d pixel|, summed over colour channels. */
export async function vanillaGradient(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
): Promise<AttributionMap> {
  await ensureGradients();
  return reduced(inputGradient(network, targetObjective(network, target), rgb), 'magnitude');
}

/** Gradient x input: signed, so a pixel can count against the target. */
export async function gradientTimesInput(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
): Promise<AttributionMap> {
  await ensureGradients();
  const product = tf.tidy(() => tf.mul(inputGradient(network, targetObjective(network, target), rgb), rgb));
  return reduced(product as tf.Tensor4D, 'signed');
}

/** Guided backpropagation's magnitude per pixel. */
export async function guidedBackprop(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
  slope: GuidedSlope = 'zero-slope',
): Promise<AttributionMap> {
  await ensureGradients();
  return reduced(inputGradient(network, targetObjective(network, target), rgb, { guided: slope }), 'magnitude');
}

async function reduced(attribution: tf.Tensor4D, reduction: 'magnitude' | 'signed'): Promise<AttributionMap> {
  try {
    return await reduceChannels(attribution, reduction);
  } finally {
    attribution.dispose();
  }
}
