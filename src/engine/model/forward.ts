/**
 * The forward pass over planned stages. Pure tensor code with no allocation left behind when called inside
 * tf.tidy. Fused kernels are used for inference; `differentiable` switches to plain ops (see differentiable()).
 */
import * as tf from '@tensorflow/tfjs-core';
import { isWeighted, type Activation, type PoolStage, type Stage, type TapPoint, type WeightedStage } from './plan.ts';
import type { StageWeights } from './weights.ts';
import { maxPoolWithGradient } from './max-pool-gradient.ts';

export { maxPoolWithGradient };

export interface ForwardOptions {
  /** Use unfused ops so every op has a gradient (for optimisation of the input). */
  differentiable?: boolean;
  /**
   * With `differentiable`, pool with tfjs's own MaxPoolGrad instead of the engine's exact routing. Only the
   * cpu backend's kernel is right everywhere: tests use it as the reference.
   */
  tfjsMaxPoolGradient?: boolean;
  /**
   * With `differentiable`, the (leaky) ReLUs pass gradient only where the forward input and the incoming
   * gradient are both positive: guided backpropagation (Springenberg et al. 2015). 'keep-slope' keeps the
   * leaky slope for negative inputs instead of zeroing them. The forward values are unchanged.
   */
  guided?: 'zero-slope' | 'keep-slope';
  /** Start at this stage, `input` being its input (the previous stage's output): Grad-CAM's second half. */
  fromStage?: number;
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
  for (let index = options.fromStage ?? 0; index <= last; index++) {
    const stage = stages[index]!;
    const wanted = taps.map((t, i) => (t.stage === index ? i : -1)).filter((i) => i >= 0);
    const needPre = wanted.some((i) => taps[i]!.when === 'pre');
    let pre: tf.Tensor | undefined;
    if (isWeighted(stage)) {
      const w = weights.get(index);
      if (!w) throw new Error(`Stage ${stage.name} has no weights loaded.`);
      [pre, x] = options.differentiable ? differentiable(stage, w, x, options.guided) : weighted(stage, w, x, needPre);
    } else {
      x =
        stage.kind === 'max-pool' && options.differentiable && !options.tfjsMaxPoolGradient
          ? maxPoolWithGradient(stage, x as tf.Tensor4D)
          : simple(stage, x);
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
function differentiable(
  stage: WeightedStage,
  w: StageWeights,
  x: tf.Tensor,
  guided?: ForwardOptions['guided'],
): [tf.Tensor, tf.Tensor] {
  const linear =
    stage.kind === 'conv'
      ? convWithFastInputGradient(stage, w, x as tf.Tensor4D)
      : tf.matMul(x as tf.Tensor2D, w.kernel as tf.Tensor2D);
  const pre = tf.add(linear, w.bias);
  const rectifier = stage.activation.type === 'relu' || stage.activation.type === 'leakyrelu';
  return [pre, guided && rectifier ? guidedActivate(pre, stage.activation, guided) : activate(pre, stage.activation)];
}

/**
 * A (leaky) ReLU whose gradient is the guided-backpropagation rule: dy where the input and dy are both
 * positive, else 0 ('zero-slope', the original rule, which treats a leaky slope as 0) or, for negative
 * inputs, alpha x dy where dy is positive ('keep-slope').
 */
function guidedActivate(x: tf.Tensor, activation: Activation, mode: 'zero-slope' | 'keep-slope'): tf.Tensor {
  const alpha = activation.type === 'leakyrelu' && mode === 'keep-slope' ? activation.alpha : 0;
  const forward = (input: tf.Tensor, save: tf.GradSaveFunc) => {
    save([input]);
    const gradFunc = (dy: tf.Tensor, [saved]: tf.Tensor[]) =>
      tf.tidy(() => {
        const slope = tf.where(tf.greater(saved!, 0), tf.onesLike(saved!), tf.fill(saved!.shape, alpha));
        return tf.mul(tf.relu(dy), slope);
      });
    return { value: activate(input, activation), gradFunc };
  };
  return tf.customGrad(forward as unknown as CustomGradient)(x);
}

/**
 * A stride-1 conv whose input gradient is itself a forward conv, with the kernel flipped and its in/out
 * channels swapped (exact for odd kernels). Measured on wasm for 64 to 64 channels at 120x120: 47 ms,
 * against 441 ms for tfjs's Conv2DBackpropInput kernel, with identical results. Other convs use plain ops.
 */
function convWithFastInputGradient(stage: WeightedStage, w: StageWeights, x: tf.Tensor4D): tf.Tensor4D {
  const kernel = w.kernel as tf.Tensor4D;
  const [kh, kw] = kernel.shape;
  if (stage.strides[0] !== 1 || stage.strides[1] !== 1 || kh % 2 === 0 || kw % 2 === 0)
    return tf.conv2d(x, kernel, stage.strides, stage.padding);
  const flipped = w.flipped;
  if (!flipped) return tf.conv2d(x, kernel, stage.strides, stage.padding);
  // Kernel and flipped kernel outlive the call (they belong to the network), so the gradient may close over them.
  const forward = (input: tf.Tensor4D) => {
    const gradFunc = (dy: tf.Tensor4D) =>
      stage.padding === 'same'
        ? tf.conv2d(dy, flipped, 1, 'same')
        : tf.conv2d(
            tf.pad(dy, [
              [0, 0],
              [kh - 1, kh - 1],
              [kw - 1, kw - 1],
              [0, 0],
            ]),
            flipped,
            1,
            'valid',
          );
    return { value: tf.conv2d(input, kernel, 1, stage.padding), gradFunc };
  };
  return tf.customGrad(forward as unknown as CustomGradient)(x) as tf.Tensor4D;
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
    out = tf.fused.matMul({
      a: x as tf.Tensor2D,
      b: w.kernel as tf.Tensor2D,
      bias: w.bias,
      activation,
      leakyreluAlpha,
    });
  }
  if (fusable) return [undefined, out];
  return [out, activate(out, stage.activation)];
}

export type CustomGradient = Parameters<typeof tf.customGrad>[0];

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

export function pool(stage: PoolStage, x: tf.Tensor4D): tf.Tensor {
  const op = stage.kind === 'max-pool' ? tf.maxPool : tf.avgPool;
  return op(x, stage.poolSize, stage.strides, stage.padding);
}
