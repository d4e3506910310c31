/**
 * The arithmetic of one conv unit, done by hand: inputs times weights, their sum, the bias, the
 * non-linearity. Plain numbers, no tfjs: the build writes the worked example with it and the reader's
 * browser steps the filter with it, so both show the same figures.
 */

import type { Activation } from '../../engine/index.ts';
import { activate } from '../../engine/model/unit-arithmetic.ts';

/** A non-linearity as the engine's plan names it (the shapes figures meet: none, ReLU, leaky ReLU...). */
export type UnitActivation = Activation;

/** An [h, w, c] block as plain numbers (figure data travels as JSON). */
export interface Block {
  width: number;
  height: number;
  channels: number;
  values: number[];
}

/** A filter over an input window: what a figure needs to redo every output position of a patch. */
export interface UnitWindow {
  /** [kh, kw, cin] */
  kernel: Block;
  bias: number;
  activation: UnitActivation;
  strides: [number, number];
  /** The input under the patch (zero-padded where the layer pads). */
  input: Block;
}

export interface UnitStep {
  /** Input value and weight of each of the kh x kw x cin taps, in [row][column][channel] order. */
  inputs: number[];
  weights: number[];
  products: number[];
  /** The products summed, the bias added (the value before the non-linearity), and the output. */
  sum: number;
  pre: number;
  out: number;
}

/** A unit's non-linearity on one value: the engine's, so the figures and the network agree. */
export { activate };

/** The name a reader knows the activation by. */
export function activationName(activation: UnitActivation): string {
  if (activation.type === 'leakyrelu') return `leaky ReLU (slope ${Number(activation.alpha.toPrecision(4))})`;
  if (activation.type === 'relu') return 'ReLU';
  return activation.type === 'linear' ? 'none (linear)' : activation.type;
}

/** The output at patch position (column, row): each tap's product, the sums, the activation. */
export function unitAt(window: UnitWindow, column: number, row: number): UnitStep {
  const { kernel, input } = window;
  const [x0, y0] = [column * window.strides[1], row * window.strides[0]];
  const inputs: number[] = [];
  const weights: number[] = [];
  const products: number[] = [];
  for (let ky = 0; ky < kernel.height; ky++) {
    for (let kx = 0; kx < kernel.width; kx++) {
      for (let c = 0; c < kernel.channels; c++) {
        const value = input.values[((y0 + ky) * input.width + x0 + kx) * input.channels + c]!;
        const weight = kernel.values[(ky * kernel.width + kx) * kernel.channels + c]!;
        inputs.push(value);
        weights.push(weight);
        products.push(value * weight);
      }
    }
  }
  const sum = products.reduce((a, b) => a + b, 0);
  const pre = sum + window.bias;
  return { inputs, weights, products, sum, pre, out: activate(window.activation, pre) };
}

/** How many output positions the window covers: [columns, rows]. */
export function patchSize(window: UnitWindow): [number, number] {
  const { kernel, input, strides } = window;
  return [(input.width - kernel.width) / strides[1] + 1, (input.height - kernel.height) / strides[0] + 1];
}
