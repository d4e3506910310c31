/**
 * Partial weight loading: reads only the weight groups of the stages that will run, decodes them, and
 * folds each batch norm into the conv before it (one fused conv per unit instead of three ops).
 */
import * as tf from '@tensorflow/tfjs-core';
import { CorruptWeightsError, MissingWeightsError } from '../errors.ts';
import type { PackSource } from '../source.ts';
import type { WeightGroup } from './keras-topology.ts';
import type { Stage, WeightedStage } from './plan.ts';

/** The effective weights of a conv or dense stage, batch norm folded in. */
export interface StageWeights {
  /** Conv: [kh, kw, cin, cout]; dense: [in, out]. */
  kernel: tf.Tensor;
  /** [cout] */
  bias: tf.Tensor1D;
  /** Stride-1 conv kernels flipped with in/out channels swapped: the input gradient as a forward conv. */
  flipped?: tf.Tensor4D;
}

/** Bytes per value of the dtypes a weight manifest may name. */
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** The weight groups holding any weight of these layers. */
export function groupsFor(manifest: WeightGroup[], layerNames: Set<string>): WeightGroup[] {
  return manifest.filter((group) => group.weights.some((w) => layerNames.has(layerOf(w.name))));
}

/** Reads and decodes the groups; every missing shard is reported in one error. */
export async function readGroups(
  modelId: string,
  groups: WeightGroup[],
  source: PackSource,
): Promise<tf.NamedTensorMap> {
  const shards = await Promise.all(
    groups.map((group) => Promise.all(group.paths.map((path) => source.readBytes(path)))),
  );
  const missing = groups.flatMap((group, g) => group.paths.filter((_, s) => shards[g]![s] === null));
  if (missing.length) {
    const layers = groups
      .filter((group) => group.paths.some((p) => missing.includes(p)))
      .flatMap((group) => group.weights.map((w) => layerOf(w.name)));
    throw new MissingWeightsError(modelId, missing, [...new Set(layers)], source.location);
  }
  const tensors: tf.NamedTensorMap = {};
  groups.forEach((group, g) => {
    const buffer = concat(shards[g] as Uint8Array[]);
    const expected = group.weights.reduce(
      (sum, w) => sum + (BYTES[w.dtype] ?? 4) * w.shape.reduce((a, b) => a * b, 1),
      0,
    );
    if (buffer.byteLength !== expected) {
      const problem = `${buffer.byteLength} bytes, expected ${expected} for ${group.weights.map((w) => w.name).join(', ')}`;
      throw new CorruptWeightsError(modelId, group.paths.join(', '), problem, source.location);
    }
    Object.assign(tensors, tf.io.decodeWeights(buffer, group.weights as tf.io.WeightsManifestEntry[]));
  });
  return tensors;
}

/** Effective kernel and bias of a stage; the caller owns the returned tensors. */
export function foldStage(stage: WeightedStage, tensors: tf.NamedTensorMap): StageWeights {
  return withFlipped(stage, fold(stage, tensors));
}

function fold(stage: WeightedStage, tensors: tf.NamedTensorMap): { kernel: tf.Tensor; bias: tf.Tensor1D } {
  return tf.tidy(() => {
    const kernel = required(tensors, stage.main.name, 'kernel');
    const units = kernel.shape[kernel.shape.length - 1]!;
    const bias = (tensors[`${stage.main.name}/bias`] as tf.Tensor1D | undefined) ?? tf.zeros([units]);
    if (!stage.batchNorm) return { kernel: tf.clone(kernel), bias: tf.clone(bias) as tf.Tensor1D };
    const bn = stage.batchNorm;
    const epsilon = Number(bn.config.epsilon ?? 1e-3);
    const gamma = tensors[`${bn.name}/gamma`] ?? tf.ones([units]);
    const beta = tensors[`${bn.name}/beta`] ?? tf.zeros([units]);
    const mean = required(tensors, bn.name, 'moving_mean');
    const variance = required(tensors, bn.name, 'moving_variance');
    const scale = tf.div(gamma, tf.sqrt(tf.add(variance, epsilon)));
    return {
      kernel: tf.mul(kernel, scale),
      bias: tf.add(tf.mul(tf.sub(bias, mean), scale), beta) as tf.Tensor1D,
    };
  });
}

/** Adds the flipped kernel that fast input gradients need (stride-1 convs with odd kernels only). */
function withFlipped(stage: WeightedStage, weights: StageWeights): StageWeights {
  const [kh = 0, kw = 0] = weights.kernel.shape;
  const stride1 = stage.strides[0] === 1 && stage.strides[1] === 1;
  if (stage.kind !== 'conv' || !stride1 || kh % 2 === 0 || kw % 2 === 0) return weights;
  return {
    ...weights,
    flipped: tf.tidy(() => tf.transpose(tf.reverse(weights.kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D),
  };
}

/** Names of the Keras layers whose weights the given stages use. */
export function weightLayerNames(stages: Stage[]): Set<string> {
  return new Set(stages.flatMap((stage) => stage.layers.map((layer) => layer.name)));
}

function layerOf(weightName: string): string {
  return weightName.split('/')[0]!;
}

function required(tensors: tf.NamedTensorMap, layer: string, param: string): tf.Tensor {
  const tensor = tensors[`${layer}/${param}`];
  if (!tensor) throw new Error(`Weight ${layer}/${param} is not in the model's weight manifest.`);
  return tensor;
}

function concat(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((sum, p) => sum + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out.buffer;
}
