/**
 * One map of the overview taken apart, in plain TypeScript (no tfjs, no DOM): the page's panel imports it
 * directly, so the build's tests and the reader's browser check the same arithmetic. A conv map is the sum
 * of each input channel convolved with its kernel slice, plus the bias, through the non-linearity; a pool
 * map takes each window's largest value; the output is the dense layer's logits through softmax.
 */
import type { Activation } from '../model/plan.ts';
import { activate, softmaxOf, type SoftmaxOf } from '../model/unit-arithmetic.ts';

/** The non-linearity after a conv (relu, leaky relu with its slope, or none). */
export type UnitActivation = Activation;

/** A conv or pool window's geometry, as Keras gives it. */
export interface WindowGeometry {
  size: [number, number];
  strides: [number, number];
  padding: 'same' | 'valid';
}

/** One output channel's weights: its kernel slice [kh, kw, cin] (row-major) and its bias. */
export interface ConvNeuronWeights extends WindowGeometry {
  kernel: ArrayLike<number>;
  bias: number;
  activation: UnitActivation;
}

/** A map of [h, w] values. */
export interface Map2d {
  height: number;
  width: number;
  values: Float32Array;
}

export interface ConvDecomposition {
  /** Input channel c convolved with kernel slice c, one map per input channel. */
  contributions: Map2d[];
  /** Their sum. */
  sum: Map2d;
  /** The sum plus the bias. */
  biased: Map2d;
  /** Through the non-linearity: the output map. */
  output: Map2d;
}

/** Output size and the padding before the first row and column (TensorFlow's rule for "same"). */
export function outputGeometry(
  inH: number,
  inW: number,
  g: WindowGeometry,
): { h: number; w: number; top: number; left: number } {
  const [kh, kw] = g.size;
  const [sh, sw] = g.strides;
  if (g.padding === 'valid')
    return { h: Math.floor((inH - kh) / sh) + 1, w: Math.floor((inW - kw) / sw) + 1, top: 0, left: 0 };
  const h = Math.ceil(inH / sh);
  const w = Math.ceil(inW / sw);
  const top = Math.floor(Math.max((h - 1) * sh + kh - inH, 0) / 2);
  const left = Math.floor(Math.max((w - 1) * sw + kw - inW, 0) / 2);
  return { h, w, top, left };
}

/** One channel of an interleaved [h, w, c] array as its own map. */
export function channelMap(data: ArrayLike<number>, shape: number[], channel: number): Map2d {
  const [height = 1, width = 1, c = 1] = shape;
  const values = new Float32Array(height * width);
  for (let p = 0; p < values.length; p++) values[p] = data[p * c + channel]!;
  return { height, width, values };
}

/** A conv neuron's map from its input [h, w, cin] (interleaved), taken apart channel by channel. */
export function convNeuron(input: ArrayLike<number>, inShape: number[], weights: ConvNeuronWeights): ConvDecomposition {
  const [inH = 1, inW = 1, cin = 1] = inShape;
  const [kh, kw] = weights.size;
  const [sh, sw] = weights.strides;
  const out = outputGeometry(inH, inW, weights);
  const size = out.h * out.w;
  const contributions = Array.from({ length: cin }, () => new Float32Array(size));
  for (let y = 0; y < out.h; y++) {
    for (let x = 0; x < out.w; x++) {
      for (let dy = 0; dy < kh; dy++) {
        const iy = y * sh + dy - out.top;
        if (iy < 0 || iy >= inH) continue;
        for (let dx = 0; dx < kw; dx++) {
          const ix = x * sw + dx - out.left;
          if (ix < 0 || ix >= inW) continue;
          const at = (iy * inW + ix) * cin;
          const k = (dy * kw + dx) * cin;
          for (let c = 0; c < cin; c++) contributions[c]![y * out.w + x]! += input[at + c]! * weights.kernel[k + c]!;
        }
      }
    }
  }
  const map = (values: Float32Array): Map2d => ({ height: out.h, width: out.w, values });
  const sum = new Float32Array(size);
  for (const part of contributions) for (let p = 0; p < size; p++) sum[p]! += part[p]!;
  const biased = sum.map((v) => v + weights.bias);
  const output = biased.map((v) => activate(weights.activation, v));
  return { contributions: contributions.map(map), sum: map(sum), biased: map(biased), output: map(output) };
}

/** A max-pool map from its one input channel: each window's largest value. */
export function maxPoolMap(input: Map2d, geometry: WindowGeometry): Map2d {
  const [kh, kw] = geometry.size;
  const [sh, sw] = geometry.strides;
  const out = outputGeometry(input.height, input.width, geometry);
  const values = new Float32Array(out.h * out.w).fill(-Infinity);
  for (let y = 0; y < out.h; y++) {
    for (let x = 0; x < out.w; x++) {
      for (let dy = 0; dy < kh; dy++) {
        for (let dx = 0; dx < kw; dx++) {
          const iy = y * sh + dy - out.top;
          const ix = x * sw + dx - out.left;
          if (iy < 0 || iy >= input.height || ix < 0 || ix >= input.width) continue;
          values[y * out.w + x] = Math.max(values[y * out.w + x]!, input.values[iy * input.width + ix]!);
        }
      }
    }
  }
  return { height: out.h, width: out.w, values };
}

export interface SoftmaxSteps extends SoftmaxOf {
  /** flatten · W + b, per class. */
  logits: number[];
}

/** The dense output from the flattened input ([in] values, kernel [in, classes] row-major, bias [classes]). */
export function softmaxSteps(
  flatten: ArrayLike<number>,
  kernel: ArrayLike<number>,
  bias: ArrayLike<number>,
): SoftmaxSteps {
  const classes = bias.length;
  const logits = Array.from({ length: classes }, (_, k) => {
    let total = bias[k]!;
    for (let i = 0; i < flatten.length; i++) total += flatten[i]! * kernel[i * classes + k]!;
    return total;
  });
  return { logits, ...softmaxOf(logits) };
}
