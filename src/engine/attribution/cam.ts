/**
 * Class activation maps at a conv layer. Grad-CAM (Selvaraju et al. 2017) weighs each channel of the layer
 * by the mean gradient of the target over its positions and keeps the positive part; CAM (Zhou et al.
 * 2016) reads the weights straight from the classifier, which only some architectures allow: a global
 * average pool then a linear dense layer, or (Tiny Darknet) a linear 1x1 conv then a global average pool.
 * Both are coarse (the layer's resolution) and drawn upsampled bilinearly to the image.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureGradients } from '../dream/gradients.ts';
import { toModelInput } from '../dream/model-input.ts';
import type { Network } from '../model/network.ts';
import { isWeighted } from '../model/plan.ts';
import type { AttributionMap } from './map.ts';
import { targetObjective, type AttributionTarget } from './target.ts';

/** A coarse map at the layer's resolution, and the same map upsampled to the image. */
export interface LayerMap {
  map: AttributionMap;
  coarse: AttributionMap;
}

/** Grad-CAM of the target at a conv layer's output (after its activation). */
export async function gradCam(
  network: Network,
  target: AttributionTarget,
  rgb: tf.Tensor4D,
  layer: string,
): Promise<LayerMap> {
  await ensureGradients();
  const tap = network.tap(layer);
  if (tap.when !== 'post') throw new Error(`Grad-CAM reads a layer's output after its activation; ${layer} is not.`);
  const objective = targetObjective(network, target);
  const deeper = objective.layers.every((l) => network.tap(l).stage > tap.stage);
  if (!deeper) throw new Error(`Grad-CAM at ${layer}: the target (${objective.name}) must come after the layer.`);
  const coarse = tf.tidy(() => {
    const activations = network.forward(toModelInput(rgb, network.spec.preprocessing), [layer])[0] as tf.Tensor4D;
    const fromLayer = (a: tf.Tensor) => {
      const outputs = network.forward(a as tf.Tensor4D, [...objective.layers], {
        differentiable: true,
        fromStage: tap.stage + 1,
      });
      return objective.value(new Map(objective.layers.map((l, i) => [l, outputs[i]!])));
    };
    const gradient = tf.grad(fromLayer)(activations);
    const weights = tf.mean(gradient, [1, 2], true);
    return tf.relu(tf.sum(tf.mul(activations, weights), 3, true)) as tf.Tensor4D;
  });
  return upsampled(coarse, rgb, false);
}

/** The layer CAM reads (the input of the classifier's global pool and linear map), or null. */
export function camLayer(network: Network): string | null {
  const stages = network.plan.stages;
  const [a, b, c] = stages.slice(-3);
  if (!a || !b || !c || network.lastStage !== stages.length - 1) return null;
  const convThenPool = isWeighted(b) && b.kind === 'conv' && isLinear(b) && c.kind === 'global-avg-pool';
  const poolThenDense = b.kind === 'global-avg-pool' && isWeighted(c) && c.kind === 'dense';
  if (convThenPool && String(b.main.config.kernel_size) !== '1,1') return null;
  return convThenPool || poolThenDense ? a.name : null;
}

/** CAM for a class: the classifier's weights for it applied at every position (no bias, as Zhou et al.). */
export async function classActivationMap(network: Network, classIndex: number, rgb: tf.Tensor4D): Promise<LayerMap> {
  const layer = camLayer(network);
  if (!layer)
    throw new Error(`CAM needs a global average pool next to a linear classifier; ${network.spec.id} has none.`);
  const stages = network.plan.stages;
  const classifier = stages.findIndex((s, i) => i > network.tap(layer).stage && isWeighted(s));
  const weights = network.stageWeights(classifier)!;
  const coarse = tf.tidy(() => {
    const activations = network.forward(toModelInput(rgb, network.spec.preprocessing), [layer])[0] as tf.Tensor4D;
    const columns = weights.kernel.shape.at(-1)!;
    const kernel = tf.reshape(weights.kernel, [-1, columns]);
    const column = tf.slice(kernel, [0, classIndex], [-1, 1]);
    return tf.sum(tf.mul(activations, tf.reshape(column, [1, 1, 1, -1])), 3, true) as tf.Tensor4D;
  });
  return upsampled(coarse, rgb, true);
}

function isLinear(stage: { activation: { type: string } }): boolean {
  return stage.activation.type === 'linear';
}

/** Reads a [1, h, w, 1] map and its bilinear upsampling to the image's size; disposes the map. */
async function upsampled(coarse: tf.Tensor4D, rgb: tf.Tensor4D, signed: boolean): Promise<LayerMap> {
  const [, height, width] = rgb.shape;
  const full = tf.tidy(() => tf.image.resizeBilinear(coarse, [height, width], false, true));
  try {
    const [small, large] = await Promise.all([coarse.data<'float32'>(), full.data<'float32'>()]);
    return {
      coarse: { width: coarse.shape[2], height: coarse.shape[1], values: small, signed },
      map: { width, height, values: large, signed },
    };
  } finally {
    tf.dispose([coarse, full]);
  }
}
