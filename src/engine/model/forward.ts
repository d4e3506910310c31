/**
 * The forward pass over planned stages. Pure tensor code with no allocation left behind when called inside
 * tf.tidy. Fused kernels are used for inference; `differentiable` switches to plain ops (see differentiable()).
 */
import * as tf from '@tensorflow/tfjs-core';
import { isWeighted, type Activation, type PoolStage, type Stage, type TapPoint, type WeightedStage } from './plan.ts';
import type { StageWeights } from './weights.ts';

export interface ForwardOptions {
  /** Use unfused ops so every op has a gradient (for optimisation of the input). */
  differentiable?: boolean;
}

/**
 * Runs stages 0..max(tap.stage) once and returns the tensor at each tap, in the order given.
 * Stages after the deepest tap are never computed.
 */
export function runStages(
  stages: Stage[],
  weights: Map<number, StageWeights>,
  input: tf.Tensor4D,
  taps: TapPoint[],
  options: ForwardOptions = {},
): tf.Tensor[] {
  const last = Math.max(...taps.map((t) => t.stage));
  const results = new Array<tf.Tensor | undefined>(taps.length);
  let x: tf.Tensor = input;
  for (let index = 0; index <= last; index++) {
    const stage = stages[index]!;
    const wanted = taps.map((t, i) => (t.stage === index ? i : -1)).filter((i) => i >= 0);
    const needPre = wanted.some((i) => taps[i]!.when === 'pre');
    let pre: tf.Tensor | undefined;
    if (isWeighted(stage)) {
      const w = weights.get(index);
      if (!w) throw new Error(`Stage ${stage.name} has no weights loaded.`);
      [pre, x] = options.differentiable ? differentiable(stage, w, x) : weighted(stage, w, x, needPre);
    } else {
      x = simple(stage, x);
    }
    for (const i of wanted) results[i] = taps[i]!.when === 'pre' ? (pre ?? x) : x;
  }
  return results as tf.Tensor[];
}

/**
 * Plain ops for gradients with respect to the input. Not fused: the fused ops' custom gradients always
 * compute the weights' gradient too (Conv2DBackpropFilter, which the wasm backend lacks, and wasted work
 * since the weights are constants), while plain conv2d asks only for the input gradient it needs.
 */
function differentiable(stage: WeightedStage, w: StageWeights, x: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const linear =
    stage.kind === 'conv'
      ? tf.conv2d(x as tf.Tensor4D, w.kernel as tf.Tensor4D, stage.strides, stage.padding)
      : tf.matMul(x as tf.Tensor2D, w.kernel as tf.Tensor2D);
  const pre = tf.add(linear, w.bias);
  return [pre, activate(pre, stage.activation)];
}

/** Returns [pre-activation (when asked for), output]. */
function weighted(
  stage: WeightedStage,
  w: StageWeights,
  x: tf.Tensor,
  splitActivation: boolean,
): [tf.Tensor | undefined, tf.Tensor] {
  const fusable = !splitActivation && FUSABLE.has(stage.activation.type);
  const activation = fusable ? (stage.activation.type as tf.fused.Activation) : 'linear';
  const leakyreluAlpha = stage.activation.type === 'leakyrelu' ? stage.activation.alpha : undefined;
  let out: tf.Tensor;
  if (stage.kind === 'conv') {
    out = tf.fused.conv2d({
      x: x as tf.Tensor4D,
      filter: w.kernel as tf.Tensor4D,
      strides: stage.strides,
      pad: stage.padding,
      bias: w.bias,
      activation,
      leakyreluAlpha,
    });
  } else {
    out = tf.fused.matMul({ a: x as tf.Tensor2D, b: w.kernel as tf.Tensor2D, bias: w.bias, activation, leakyreluAlpha });
  }
  if (fusable) return [undefined, out];
  return [out, activate(out, stage.activation)];
}

// Activations every backend (cpu, wasm, webgl, webgpu) fuses into conv and matMul.
const FUSABLE = new Set(['linear', 'relu', 'leakyrelu']);

export function activate(x: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation.type) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'leakyrelu':
      return tf.leakyRelu(x, activation.alpha);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'softmax':
      return tf.softmax(x);
  }
}

function simple(stage: Exclude<Stage, WeightedStage>, x: tf.Tensor): tf.Tensor {
  switch (stage.kind) {
    case 'max-pool':
    case 'avg-pool':
      return pool(stage, x as tf.Tensor4D);
    case 'global-avg-pool':
      return tf.mean(x, [1, 2]);
    case 'flatten':
      return tf.reshape(x, [x.shape[0]!, -1]);
  }
}

function pool(stage: PoolStage, x: tf.Tensor4D): tf.Tensor {
  const op = stage.kind === 'max-pool' ? tf.maxPool : tf.avgPool;
  return op(x, stage.poolSize, stage.strides, stage.padding);
}
