/**
 * The kernel playground on the real models: the learned tile is the model's own first-layer output
 * channel, and the numbers the figure prints (kernel, bias, activation) recompute that output; the hand
 * tile is the engine's hand-made kernel on the same grey photo; another kernel changes only the hand tile.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, visual, type RgbaImage } from '../../../engine/index.ts';
import { activate } from '../../common/conv-arithmetic.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import type { CachedInputs } from '../../inputs/cached-inputs.ts';
import { planLoads } from '../../inputs/load-plan.ts';
import { computeFigure } from '../../registry/compute.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import { KERNEL_PRESETS } from './presets.ts';
import type { KernelPlaygroundData, KernelPlaygroundRecipe } from './recipe.ts';

const recipe = (model: string, layer: string, channel: number, kernel: number[]): KernelPlaygroundRecipe => ({
  kind: 'kernel-playground',
  model,
  layer,
  channel,
  image: 'images-photos/chelsea.png',
  resize: 'squash',
  kernel,
  kernels: ['identity', 'box-blur', 'sharpen', 'sobel-x', 'sobel-y'],
});
const SOBEL_X = [...KERNEL_PRESETS['sobel-x'].weights];
const cases = [
  recipe('tiny-darknet', 'conv2d_1', 3, SOBEL_X),
  recipe('tiny-vgg', 'conv_1_1', 2, [...KERNEL_PRESETS.sharpen.weights]),
];
let inputs: CachedInputs;

beforeAll(async () => {
  await initNodeBackend('wasm');
  inputs = nodeInputs(planLoads(cases), 'mirror');
});
afterAll(() => inputs.dispose());

/** Tile i of the figure's one-row atlas, as an image of its own. */
function tileOf(image: RgbaImage, data: KernelPlaygroundData, i: number): RgbaImage {
  const { tileWidth: w, tileHeight: h } = data.layout;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    rgba.set(image.rgba.subarray((y * image.width + i * w) * 4, (y * image.width + (i + 1) * w) * 4), y * w * 4);
  return { width: w, height: h, rgba };
}

/** The printed kernel, bias and activation over the model's own input: the channel's map, by tfjs conv2d. */
async function mapFromPrintedNumbers(
  r: KernelPlaygroundRecipe,
  data: KernelPlaygroundData,
  padding: 'same' | 'valid',
): Promise<Float32Array> {
  const network = await inputs.network(r.model);
  const pixels = await inputs.image(r.image);
  const { kernel, bias, activation } = data.learned;
  const pre = tf.tidy(() => {
    const weights = tf.tensor4d(kernel.values, [kernel.height, kernel.width, kernel.channels, 1]);
    return tf.add(tf.conv2d(network.preprocess(pixels, { resize: r.resize }), weights, 1, padding), bias);
  });
  const values = await pre.data<'float32'>();
  pre.dispose();
  return values.map((v) => activate(activation, v));
}

describe('kernel playground', () => {
  it.each(cases)('$model $layer channel $channel: the learned tile is the layer output', async (r) => {
    const { image, data } = (await computeFigure(r, inputs)) as { image: RgbaImage; data: KernelPlaygroundData };
    const network = await inputs.network(r.model);
    const [own] = await network.activations(await inputs.image(r.image), [r.layer], { resize: r.resize });
    // Tiny Darknet pads ('same'); Tiny VGG does not ('valid'): its map sits one pixel in from each side.
    const frame = (data.layout.tileWidth - own!.shape[1]!) / 2;
    expect(frame).toBe(r.model === 'tiny-vgg' ? 1 : 0);
    // The map: the model's own channel, drawn as every feature map is.
    const expected = visual.featureMapAtlas(own!.data, own!.shape, [r.channel], 1, frame, PAGE_BACKGROUND).image;
    expect(tileOf(image, data, 2).rgba).toEqual(expected.rgba);
    // The numbers: the printed weights, bias and activation give that same channel, to float precision.
    const channels = own!.shape[2]!;
    const fromNumbers = await mapFromPrintedNumbers(r, data, frame ? 'valid' : 'same');
    let worst = 0;
    for (let p = 0; p < fromNumbers.length; p++)
      worst = Math.max(worst, Math.abs(fromNumbers[p]! - own!.data[p * channels + r.channel]!));
    expect(worst).toBeLessThan(1e-4);
    expect(data.learned.kernel.values).toHaveLength(27);
    expect(data.learned.range.max).toBeGreaterThan(data.learned.range.min);
  });

  it('the hand tile is the kernel on the grey photo; another kernel changes it and nothing else', async () => {
    const sobel = await computeFigure(cases[0]!, inputs);
    const identity = await computeFigure({ ...cases[0]!, kernel: [...KERNEL_PRESETS.identity.weights] }, inputs);
    const parts = (f: typeof sobel) => ({ image: f.image!, data: f.data as KernelPlaygroundData });
    const [a, b] = [parts(sobel), parts(identity)];
    const { tileWidth: width, tileHeight: height } = a.data.layout;
    const pixels = await inputs.image(cases[0]!.image);
    const hand = await operations.handKernel(pixels, SOBEL_X, { width, height }, 'squash');
    expect(tileOf(a.image, a.data, 1).rgba).toEqual(visual.greyImage(hand.output, width, height, 'magnitude').rgba);
    expect(a.data.drawing).toBe('magnitude');
    expect(b.data.drawing).toBe('clip');
    // Identity draws the grey photo itself: its hand tile is the grey tile.
    expect(tileOf(b.image, b.data, 1).rgba).toEqual(tileOf(b.image, b.data, 0).rgba);
    expect(tileOf(a.image, a.data, 1).rgba).not.toEqual(tileOf(b.image, b.data, 1).rgba);
    expect(tileOf(a.image, a.data, 0).rgba).toEqual(tileOf(b.image, b.data, 0).rgba);
    expect(tileOf(a.image, a.data, 2).rgba).toEqual(tileOf(b.image, b.data, 2).rgba);
    // Sobel x on a real photo: edges either way (the range spans both signs), flat areas near 0.
    expect(a.data.range.min).toBeLessThan(-0.5);
    expect(a.data.range.max).toBeGreaterThan(0.5);
  });
});
