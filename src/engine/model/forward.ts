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
  /**
   * With `differentiable`, pool with tfjs's own MaxPoolGrad instead of the engine's exact routing. Only the
   * cpu backend's kernel is right everywhere: tests use it as the reference.
   */
  tfjsMaxPoolGradient?: boolean;
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
function differentiable(stage: WeightedStage, w: StageWeights, x: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const linear =
    stage.kind === 'conv'
      ? convWithFastInputGradient(stage, w, x as tf.Tensor4D)
      : tf.matMul(x as tf.Tensor2D, w.kernel as tf.Tensor2D);
  const pre = tf.add(linear, w.bias);
  return [pre, activate(pre, stage.activation)];
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

type CustomGradient = Parameters<typeof tf.customGrad>[0];

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

/**
 * Max pooling whose gradient goes to exactly one element per window: the first maximum in row-major order,
 * as tfjs's cpu backend (the reference) routes it. Forward ops only: tfjs-backend-wasm's MaxPoolGrad returns
 * wrong values for windows whose values are all at most 0. A mask of "equals the maximum" is not enough:
 * a tie (every window of a constant image, 0.09% of the first pool's windows on dog.jpg) would send the
 * gradient to each tied element. Exact for non-overlapping windows (size = stride, as in every model here);
 * overlapping pools fall back to tfjs's gradient.
 */
export function maxPoolWithGradient(stage: PoolStage, x: tf.Tensor4D): tf.Tensor4D {
  const [size, stride] = [stage.poolSize, stage.strides];
  if (size[0] !== stride[0] || size[1] !== stride[1]) return pool(stage, x) as tf.Tensor4D;
  const forward = (input: tf.Tensor4D, save: tf.GradSaveFunc) => {
    const y = tf.maxPool(input, size, stride, stage.padding);
    save([input, y]);
    const gradFunc = (dy: tf.Tensor4D, [saved, out]: tf.Tensor[]) =>
      routeToFirstMaximum(saved as tf.Tensor4D, out as tf.Tensor4D, dy, size, stage.padding);
    return { value: y, gradFunc };
  };
  return tf.customGrad(forward as unknown as CustomGradient)(x) as tf.Tensor4D;
}

/**
 * The input gradient of a non-overlapping max pool. Works in pooled space: for each offset in the window,
 * the input's element at that offset (picked by a depthwise conv with a one-hot kernel: exact, and 100x
 * faster on wasm than a strided slice), a running "already taken" mask so only the first maximum wins, then
 * the per-offset gradients interleaved back into the input's layout.
 */
function routeToFirstMaximum(
  x: tf.Tensor4D,
  y: tf.Tensor4D,
  dy: tf.Tensor4D,
  [kh, kw]: [number, number],
  padding: 'same' | 'valid',
): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  const [, oh, ow] = y.shape;
  const [top, left] = padding === 'same' ? [Math.floor((oh * kh - h) / 2), Math.floor((ow * kw - w) / 2)] : [0, 0];
  const windows = coverWindows(x, oh * kh, ow * kw, top, left);
  let taken: tf.Tensor = tf.zerosLike(y);
  const rows: tf.Tensor[] = [];
  for (let i = 0; i < kh; i++) {
    const row: tf.Tensor[] = [];
    for (let j = 0; j < kw; j++) {
      const candidate = tf.depthwiseConv2d(windows, oneHotKernel(kh, kw, c, i * kw + j), [kh, kw], 'valid');
      const wins = tf.mul(tf.cast(tf.equal(candidate, y), 'float32'), tf.sub(1, taken));
      taken = tf.add(taken, wins);
      row.push(tf.mul(dy, wins));
    }
    rows.push(tf.stack(row, 3)); // [b, oh, ow, kw, c]
  }
  const full = tf.reshape(tf.stack(rows, 2), [b, oh * kh, ow * kw, c]); // [b, oh, kh, ow, kw, c] flattened
  if (top === 0 && left === 0 && oh * kh === h && ow * kw === w) return full as tf.Tensor4D;
  const below = Math.max(0, h + top - oh * kh);
  const right = Math.max(0, w + left - ow * kw);
  const cropped = tf.slice(
    tf.pad(full, [
      [0, 0],
      [0, below],
      [0, right],
      [0, 0],
    ]),
    [0, top, left, 0],
    [b, h, w, c],
  );
  return cropped as tf.Tensor4D;
}

/** Float32's lowest finite value: pads windows so padding never wins, and 0 x it stays 0 in the picking conv. */
const LOWEST = -3.4028234663852886e38;

/** The input laid out as exactly (oh x kh) by (ow x kw): padded with LOWEST ('same') or cropped ('valid'). */
function coverWindows(x: tf.Tensor4D, height: number, width: number, top: number, left: number): tf.Tensor4D {
  const [b, h, w, c] = x.shape;
  if (top === 0 && left === 0 && height === h && width === w) return x;
  const bottom = Math.max(0, height - h - top);
  const right = Math.max(0, width - w - left);
  const padded = tf.pad(
    x,
    [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ],
    LOWEST,
  );
  return tf.slice(padded, [0, 0, 0, 0], [b, height, width, c]);
}

/** A [kh, kw, c, 1] depthwise kernel that keeps the window's element at `offset` (row-major) in every channel. */
function oneHotKernel(kh: number, kw: number, c: number, offset: number): tf.Tensor4D {
  const values = new Float32Array(kh * kw * c);
  values.fill(1, offset * c, (offset + 1) * c);
  return tf.tensor4d(values, [kh, kw, c, 1]);
}

function pool(stage: PoolStage, x: tf.Tensor4D): tf.Tensor {
  const op = stage.kind === 'max-pool' ? tf.maxPool : tf.avgPool;
  return op(x, stage.poolSize, stage.strides, stage.padding);
}
