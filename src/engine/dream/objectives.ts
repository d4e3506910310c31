/**
 * What feature visualisation maximises. An objective names the layers it reads, so one forward pass
 * serves a sum of several, and turns their activations into one scalar. Values are per-image means, so
 * they do not depend on how large the (transformed) image is.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/network.ts';

export interface Objective {
  /** Short description, e.g. "conv2d_6:12". */
  readonly name: string;
  /** Layers whose activations `value` reads. */
  readonly layers: readonly string[];
  /** The scalar to maximise, from the activations at `layers` (keyed by layer name). */
  value(activations: ReadonlyMap<string, tf.Tensor>): tf.Scalar;
}

/** A channel's mean activation over all positions. */
export function channel(layer: string, index: number): Objective {
  return {
    name: `${layer}:${index}`,
    layers: [layer],
    value: (acts) => tf.mean(channelSlice(read(acts, layer), index)) as tf.Scalar,
  };
}

/**
 * One unit: a channel at one position of the activation map. Without a position it is the centre one;
 * a position outside a (smaller, transformed) map is clamped to its edge.
 */
export function neuron(layer: string, index: number, position?: { x: number; y: number }): Objective {
  return {
    name: `${layer}:${index}@${position ? `${position.x},${position.y}` : 'centre'}`,
    layers: [layer],
    value: (acts) => {
      const map = read(acts, layer);
      const [, h = 1, w = 1] = map.shape;
      const y = Math.min(h - 1, position?.y ?? Math.floor(h / 2));
      const x = Math.min(w - 1, position?.x ?? Math.floor(w / 2));
      return tf.reshape(tf.slice(map, [0, y, x, index], [1, 1, 1, 1]), []) as tf.Scalar;
    },
  };
}

/** A class score before softmax, from a layer that gives logits ([1, classes]). */
export function classLogit(layer: string, classIndex: number): Objective {
  return {
    name: `${layer}[${classIndex}]`,
    layers: [layer],
    value: (acts) => tf.reshape(tf.slice(read(acts, layer), [0, classIndex], [1, 1]), []) as tf.Scalar,
  };
}

/** DeepDream: mean squared activation of a whole layer (amplify whatever the layer already sees). */
export function deepDream(layer: string): Objective {
  return {
    name: `deepdream(${layer})`,
    layers: [layer],
    value: (acts) => tf.mean(tf.square(read(acts, layer))) as tf.Scalar,
  };
}

/** Weighted mix: sum of weight x objective. */
export function mix(terms: readonly { objective: Objective; weight: number }[]): Objective {
  if (terms.length === 0) throw new Error('mix: no objectives.');
  return {
    name: terms.map((t) => `${t.weight}*${t.objective.name}`).join(' + '),
    layers: [...new Set(terms.flatMap((t) => t.objective.layers))],
    value: (acts) => tf.addN(terms.map((t) => tf.mul(t.objective.value(acts), t.weight))) as tf.Scalar,
  };
}

/** Plain sum of objectives. */
export function sum(...objectives: Objective[]): Objective {
  return mix(objectives.map((objective) => ({ objective, weight: 1 })));
}

/**
 * The layer that holds the same unit before its non-linearity (Tiny Darknet: conv2d_6 gives
 * batch_normalization_6), or the layer itself when the model has no such name (VGG19).
 */
export function beforeNonLinearity(network: Network, layer: string): string {
  const stage = network.tap(layer).stage;
  for (const [name, tap] of network.plan.taps) {
    if (tap.stage === stage && tap.when === 'pre') return name;
  }
  return layer;
}

/** The deepest layer when the model outputs logits; throws for softmax outputs (no pre-softmax name). */
export function logitsLayer(network: Network): string {
  if (!network.spec.outputIsLogits) throw new Error(`Model ${network.spec.id} outputs probabilities, not logits.`);
  const layers = network.availableLayers;
  const last = network.plan.stages.length - 1;
  const name = layers.find((l) => network.plan.taps.get(l)?.stage === last);
  if (!name) throw new Error(`Model ${network.spec.id} was not loaded up to its output layer.`);
  return name;
}

function read(acts: ReadonlyMap<string, tf.Tensor>, layer: string): tf.Tensor {
  const t = acts.get(layer);
  if (!t) throw new Error(`Objective needs layer ${layer}, which the forward pass did not return.`);
  return t;
}

function channelSlice(map: tf.Tensor, index: number): tf.Tensor {
  const begin = map.shape.map((_, axis) => (axis === map.rank - 1 ? index : 0));
  const size = map.shape.map((d, axis) => (axis === map.rank - 1 ? 1 : d));
  return tf.slice(map, begin, size);
}
