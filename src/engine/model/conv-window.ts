/**
 * One unit of a first conv layer laid open: its effective kernel and bias (batch norm folded in, which is
 * what the network computes) and the preprocessed input under a patch of output positions, so a figure
 * can redo the multiply-adds by hand and land on the layer's own output.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ImagePixels, ResizeMode } from '../image/preprocess.ts';
import type { Network } from './network.ts';
import type { Activation, WeightedStage } from './plan.ts';

/** A rectangle of output positions (x, y: top-left; at most the layer's output size). */
export interface PatchBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An [h, w, c] block of values, row-major, interleaved channels. */
export interface ValueBlock {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

export interface ConvWindow {
  /** One output channel's kernel, [kh, kw, cin]. */
  kernel: ValueBlock;
  bias: number;
  activation: Activation;
  /** A batch norm was folded into the kernel and bias (so they are what the network computes with). */
  batchNormFolded: boolean;
  strides: [number, number];
  /** The input under the patch, zero where the layer pads; `x`, `y` are its top-left in input pixels. */
  input: ValueBlock & { x: number; y: number };
  /** The layer's input and output sizes [height, width]. */
  inputSize: [number, number];
  outputSize: [number, number];
}

/** The conv stage a layer name taps, if it reads the preprocessed photo directly (the first stage). */
export function firstConvStage(network: Network, layer: string): WeightedStage {
  const point = network.tap(layer);
  const stage = network.plan.stages[point.stage]!;
  if (point.stage !== 0 || stage.kind !== 'conv' || point.when !== 'post')
    throw new Error(
      `Layer ${layer} of ${network.spec.id} does not read the photo: a filter is shown on ${network.plan.stages[0]!.name}, the first conv layer.`,
    );
  return stage;
}

/** Output size and top-left padding of a conv along one axis, as TensorFlow pads ('same': extra on the far side). */
export function convAxis(size: number, kernel: number, stride: number, padding: 'same' | 'valid') {
  if (padding === 'valid') return { out: Math.floor((size - kernel) / stride) + 1, before: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  return { out, before: Math.floor(total / 2) };
}

/** The kernel, bias and input window of `channel` of the first conv layer over `patch`, for these pixels. */
export async function convWindow(
  network: Network,
  pixels: ImagePixels,
  layer: string,
  channel: number,
  patch: PatchBox,
  resize: ResizeMode = 'squash',
): Promise<ConvWindow> {
  const stage = firstConvStage(network, layer);
  const weights = network.stageWeights(0)!;
  const [kh, kw, cin, cout] = weights.kernel.shape as [number, number, number, number];
  if (channel < 0 || channel >= cout) throw new Error(`Layer ${layer} has channels 0-${cout - 1}; got ${channel}.`);
  const input = tf.tidy(() => network.preprocess(pixels, { resize }));
  const [, height, width] = input.shape;
  const [values, kernelAll, biasAll] = await Promise.all([
    input.data<'float32'>(),
    weights.kernel.data<'float32'>(),
    weights.bias.data<'float32'>(),
  ]).finally(() => input.dispose());
  const rows = convAxis(height, kh, stage.strides[0], stage.padding);
  const cols = convAxis(width, kw, stage.strides[1], stage.padding);
  if (patch.x < 0 || patch.y < 0 || patch.x + patch.width > cols.out || patch.y + patch.height > rows.out)
    throw new Error(`Patch ${JSON.stringify(patch)} is outside ${layer}'s ${cols.out}x${rows.out} output.`);
  const kernel = new Float32Array(kh * kw * cin);
  for (let k = 0; k < kernel.length; k++) kernel[k] = kernelAll[k * cout + channel]!;
  const x0 = patch.x * stage.strides[1] - cols.before;
  const y0 = patch.y * stage.strides[0] - rows.before;
  const window = {
    x: x0,
    y: y0,
    width: (patch.width - 1) * stage.strides[1] + kw,
    height: (patch.height - 1) * stage.strides[0] + kh,
    channels: cin,
  };
  return {
    kernel: { width: kw, height: kh, channels: cin, data: kernel },
    bias: biasAll[channel]!,
    activation: stage.activation,
    batchNormFolded: stage.batchNorm !== undefined,
    strides: stage.strides,
    input: { ...window, data: cropZeroPadded(values, width, height, cin, window) },
    inputSize: [height, width],
    outputSize: [rows.out, cols.out],
  };
}

/** A window of an [h, w, c] image; values outside the image are 0 (the conv's zero padding). */
function cropZeroPadded(
  values: Float32Array,
  width: number,
  height: number,
  channels: number,
  box: { x: number; y: number; width: number; height: number },
): Float32Array {
  const out = new Float32Array(box.width * box.height * channels);
  for (let y = 0; y < box.height; y++) {
    const sy = box.y + y;
    if (sy < 0 || sy >= height) continue;
    for (let x = 0; x < box.width; x++) {
      const sx = box.x + x;
      if (sx < 0 || sx >= width) continue;
      for (let c = 0; c < channels; c++)
        out[(y * box.width + x) * channels + c] = values[(sy * width + sx) * channels + c]!;
    }
  }
  return out;
}
