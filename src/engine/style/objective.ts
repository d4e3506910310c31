/**
 * Gatys et al.'s objective on a network: the targets (content features, style Grams), computed once, and
 * the weighted loss terms of an image, computed from one forward pass through every layer they need.
 */
import * as tf from '@tensorflow/tfjs-core';
import { preprocessRgb } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';
import { gramMatrix } from './gram.ts';
import { contentLoss, styleLoss, totalVariation } from './losses.ts';

/** Per-layer style weight. */
export interface StyleLayer {
  layer: string;
  weight: number;
}

/** What the loss is made of: layers and the weight of each term. */
export interface LossSpec {
  contentLayer: string;
  styleLayers: StyleLayer[];
  contentWeight: number;
  styleWeight: number;
  tvWeight: number;
}

/** The loss's weighted terms, as numbers. */
export interface GatysLoss {
  content: number;
  style: number;
  tv: number;
  total: number;
}

/** Fixed during the optimisation: the content photo's features and the painting's Gram matrices. */
export interface GatysTargets {
  content: tf.Tensor;
  grams: tf.Tensor2D[];
}

/** The layers one forward pass must produce: the content layer, then each style layer. */
export function lossLayers(spec: LossSpec): string[] {
  return [spec.contentLayer, ...spec.styleLayers.map((s) => s.layer)];
}

/** Throws (naming the valid layers) when a layer is unknown or not loaded, before any work is done. */
export function checkLayers(network: Network, spec: LossSpec): void {
  if (spec.styleLayers.length === 0) throw new Error('Style transfer needs at least one style layer.');
  for (const layer of lossLayers(spec)) network.tap(layer);
}

/** Targets from RGB images in [0, 1]; no gradient flows into them. The caller disposes them. */
export function computeTargets(
  network: Network,
  spec: LossSpec,
  content: tf.Tensor4D,
  style: tf.Tensor4D,
): GatysTargets {
  return tf.tidy(() => {
    const [contentFeatures] = network.forward(modelInput(network, content), [spec.contentLayer]);
    const styleFeatures = network.forward(
      modelInput(network, style),
      spec.styleLayers.map((s) => s.layer),
    );
    return { content: contentFeatures!, grams: styleFeatures.map((f) => gramMatrix(f as tf.Tensor4D)) };
  });
}

/**
 * [content, style, tv], weighted, for an RGB image in [0, 1]. `differentiable` selects the forward pass
 * with input gradients (inside the optimisation) over the fused inference pass (reporting the loss).
 */
export function lossTerms(
  network: Network,
  spec: LossSpec,
  targets: GatysTargets,
  image: tf.Tensor4D,
  differentiable: boolean,
): tf.Tensor1D {
  return tf.tidy(() => {
    const [features, ...styleFeatures] = network.forward(modelInput(network, image), lossLayers(spec), {
      differentiable,
    });
    const weights = spec.styleLayers.map((s) => s.weight);
    return tf.stack([
      tf.mul(contentLoss(features!, targets.content), spec.contentWeight),
      tf.mul(styleLoss(styleFeatures, targets.grams, weights), spec.styleWeight),
      tf.mul(totalVariation(image), spec.tvWeight),
    ]) as tf.Tensor1D;
  });
}

/** The weighted terms of an image's loss as numbers (fused forward pass, no gradient). */
export async function measureLoss(
  network: Network,
  spec: LossSpec,
  targets: GatysTargets,
  image: tf.Tensor4D,
): Promise<GatysLoss> {
  const terms = lossTerms(network, spec, targets, image, false);
  try {
    const [content = 0, style = 0, tv = 0] = await terms.data();
    return { content, style, tv, total: content + style + tv };
  } finally {
    terms.dispose();
  }
}

/** Keras "caffe" preprocessing (or whatever the model's spec says) of an RGB image in [0, 1]. */
function modelInput(network: Network, rgb: tf.Tensor4D): tf.Tensor4D {
  return preprocessRgb(rgb, network.spec.preprocessing, 'unit');
}
