/**
 * Receptive fields on the real models, checked against the gradient: the pixels whose input gradient is
 * non-zero for a unit, over a few random images, are exactly the box the arithmetic gives, no more and no
 * fewer, including units whose box the image's border clips. One image is not enough: a ReLU that is off,
 * or a max pool routing its gradient to one element of its window, cuts some paths for that image only.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { inputGradient, targetObjective, type AttributionTarget } from '../../src/engine/attribution/target.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { receptiveField, stageFields, unitBox, type PixelBox } from '../../src/engine/embedding/receptive-field.ts';
import type { InputSize } from '../../src/engine/image/preprocess.ts';
import type { KerasLayer } from '../../src/engine/model/keras-topology.ts';
import { planStages } from '../../src/engine/model/plan.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';

const SEEDS = [11, 22, 33];

let darknet: Network;
let vgg19: Network;
let tinyVgg: Network;

beforeAll(async () => {
  await initNodeBackend('wasm');
  await ensureGradients();
  darknet = await loadModel('tiny-darknet', { from: 'mirror' });
  vgg19 = await loadModel('vgg19', { from: 'mirror', upTo: ['block3_conv4'] });
  tinyVgg = await loadModel('tiny-vgg', { from: 'mirror' });
});

afterAll(() => {
  for (const network of [darknet, vgg19, tinyVgg]) network?.dispose();
});

/** Pixels where sum over channels of |d score / d pixel| > 0 for any of the seeded random images. */
async function gradientSupport(network: Network, target: AttributionTarget, size: InputSize): Promise<Uint8Array> {
  const support = new Uint8Array(size.width * size.height);
  const objective = targetObjective(network, target);
  for (const seed of SEEDS) {
    const magnitude = tf.tidy(() => {
      const rgb = tf.randomUniform([1, size.height, size.width, 3], 0, 1, 'float32', seed) as tf.Tensor4D;
      return tf.sum(tf.abs(inputGradient(network, objective, rgb)), [0, 3]);
    });
    const values = await magnitude.data();
    magnitude.dispose();
    values.forEach((v, i) => {
      if (v > 0) support[i] = 1;
    });
  }
  return support;
}

/** How a support compares with a box: its bounding box, pixels outside the box, box pixels it misses. */
function compare(support: Uint8Array, box: PixelBox, width: number) {
  let [top, left, bottom, right] = [Infinity, Infinity, -Infinity, -Infinity];
  let outside = 0;
  let missing = 0;
  support.forEach((on, i) => {
    const [y, x] = [Math.floor(i / width), i % width];
    const inside = y >= box.top && y < box.bottom && x >= box.left && x < box.right;
    if (on)
      [top, left, bottom, right] = [
        Math.min(top, y),
        Math.min(left, x),
        Math.max(bottom, y + 1),
        Math.max(right, x + 1),
      ];
    if (on && !inside) outside++;
    if (!on && inside) missing++;
  });
  return { support: { top, left, bottom, right }, outside, missing };
}

describe('receptive-field sizes', () => {
  it('Tiny Darknet: 62 px at conv2d_10, 134 px at conv2d_14 (224x224)', () => {
    expect(receptiveField(darknet, 'conv2d_10')).toMatchObject({ size: [62, 62], jump: [8, 8], outputSize: [28, 28] });
    expect(receptiveField(darknet, 'conv2d_14')).toMatchObject({ size: [134, 134], jump: [16, 16] });
    // Batch norm, activation and ':pre' names share their stage's field.
    expect(receptiveField(darknet, 'leaky_re_lu_14')).toEqual(receptiveField(darknet, 'conv2d_14'));
    expect(receptiveField(darknet, 'batch_normalization_14')).toEqual(receptiveField(darknet, 'conv2d_14'));
  });

  it('VGG19: 48 px at block3_conv4; Tiny VGG: 14 px at conv_2_2, 16 px at max_pool_2', () => {
    expect(receptiveField(vgg19, 'block3_conv4')).toMatchObject({ size: [48, 48], jump: [4, 4], offset: [1.5, 1.5] });
    expect(receptiveField(vgg19, 'block3_conv4:pre')).toEqual(receptiveField(vgg19, 'block3_conv4'));
    expect(receptiveField(tinyVgg, 'conv_2_2')).toMatchObject({ size: [14, 14], jump: [2, 2], offset: [6.5, 6.5] });
    expect(receptiveField(tinyVgg, 'max_pool_2')).toMatchObject({ size: [16, 16], jump: [4, 4], outputSize: [13, 13] });
  });

  it('after a global pool, a flatten or a dense layer, the one unit sees the whole image', () => {
    const gap = receptiveField(darknet, 'global_average_pooling2d_1');
    expect(gap).toMatchObject({ global: true, outputSize: [1, 1] });
    expect(unitBox(gap, 0, 0)).toEqual({ top: 0, left: 0, bottom: 224, right: 224 });
    for (const layer of ['flatten', 'output', 'output:pre']) {
      expect(unitBox(receptiveField(tinyVgg, layer), 0, 0), layer).toEqual({ top: 0, left: 0, bottom: 64, right: 64 });
    }
    expect(() => unitBox(gap, 0, 1)).toThrow(RangeError);
  });

  it('refuses unknown or unloaded layers, and dilated convs', () => {
    expect(() => receptiveField(vgg19, 'block4_conv1')).toThrow(/block4_conv1/);
    const dilated: KerasLayer = {
      name: 'dilated',
      className: 'Conv2D',
      config: { kernel_size: [3, 3], strides: [1, 1], padding: 'same', dilation_rate: [2, 2] },
    };
    expect(() => stageFields(planStages([dilated]), { width: 9, height: 9 })).toThrow(/dilated/);
  });
});

describe("TensorFlow's 'same' padding, checked on every unit of a synthetic chain", () => {
  // Strided 'same' windows on odd and even sizes pad more after than before (or nothing before): the case
  // where TensorFlow and a symmetric-padding rule disagree by one pixel. Linear convs, so no path dies.
  const conv = (name: string, k: number, s: number, padding: string): KerasLayer => ({
    name,
    className: 'Conv2D',
    config: { kernel_size: [k, k], strides: [s, s], padding, activation: 'linear' },
  });
  const layers = [conv('a', 3, 2, 'same'), conv('b', 4, 1, 'same'), conv('c', 2, 2, 'same'), conv('d', 3, 1, 'valid')];

  it.each([
    [13, 12],
    [12, 13],
  ])('%ix%i input', async (height, width) => {
    const fields = stageFields(planStages(layers), { width, height });
    const kernels = layers.map((l, i) => {
      const k = (l.config.kernel_size as number[])[0]!;
      return tf.randomUniform([k, k, 1, 1], 0.5, 1, 'float32', 100 + i) as tf.Tensor4D;
    });
    const x = tf.randomUniform([1, height, width, 1], 0, 1, 'float32', 7) as tf.Tensor4D;
    const chain = (input: tf.Tensor4D, depth: number) =>
      layers.slice(0, depth + 1).reduce((out, layer, i) => {
        const { strides, padding } = layer.config as { strides: [number, number]; padding: 'same' | 'valid' };
        return tf.conv2d(out, kernels[i]!, strides, padding);
      }, input);
    for (const [depth, field] of fields.entries()) {
      const [rows, cols] = field.outputSize;
      for (let y = 0; y < rows; y++) {
        for (let u = 0; u < cols; u++) {
          const gradient = tf.tidy(() =>
            tf.grad((input: tf.Tensor) => {
              const out = chain(input as tf.Tensor4D, depth);
              expect(out.shape.slice(1, 3)).toEqual([rows, cols]);
              return tf.sum(tf.slice(out, [0, y, u, 0], [1, 1, 1, 1]));
            })(x),
          );
          const support = Uint8Array.from(await gradient.data(), (v) => (v !== 0 ? 1 : 0));
          gradient.dispose();
          const box = unitBox(field, y, u);
          expect(compare(support, box, width), `${field.stage} (${y}, ${u})`).toMatchObject({ outside: 0, missing: 0 });
        }
      }
    }
    tf.dispose([...kernels, x]);
  });
});

describe('the box is exactly the support of the input gradient (union over 3 random images)', () => {
  const units = [
    // Top border clips the 62 px field; 224 px input.
    { model: 'tiny-darknet', layer: 'conv2d_10', channel: 5, y: 0, x: 17, size: [224, 224], box: [0, 109, 35, 171] },
    // Odd, non-square input: 'same' pools round up (101 -> 51 -> 26 -> 13 -> 7), the bottom-right unit's
    // 134 px field runs past the image's bottom and right edges.
    { model: 'tiny-darknet', layer: 'conv2d_14', channel: 3, y: 6, x: 5, size: [101, 83], box: [37, 21, 101, 83] },
    // VGG19's ReLUs: the value before the unit's own ReLU, so the target is never switched off.
    { model: 'vgg19', layer: 'block3_conv4:pre', channel: 7, y: 7, x: 6, size: [60, 52], box: [6, 2, 54, 50] },
    { model: 'vgg19', layer: 'block2_conv1:pre', channel: 4, y: 5, x: 0, size: [60, 52], box: [6, 0, 16, 6] },
    // 'valid' convs and pools: no padding, the field never leaves the image.
    { model: 'tiny-vgg', layer: 'conv_2_2:pre', channel: 2, y: 0, x: 25, size: [64, 64], box: [0, 50, 14, 64] },
  ] as const;

  it.each(units)('$model $layer ($y, $x)', async ({ model, layer, channel, y, x, size, box }) => {
    const network = { 'tiny-darknet': darknet, vgg19, 'tiny-vgg': tinyVgg }[model];
    const input = { height: size[0], width: size[1] };
    const computed = unitBox(receptiveField(network, layer, input), y, x);
    expect(computed).toEqual({ top: box[0], left: box[1], bottom: box[2], right: box[3] });
    const support = await gradientSupport(network, { kind: 'unit', layer, index: channel, x, y }, input);
    expect(compare(support, computed, input.width)).toEqual({ support: computed, outside: 0, missing: 0 });
  });

  it("Tiny VGG's class score sees the whole image", async () => {
    const input = { width: 64, height: 64 };
    const box = unitBox(receptiveField(tinyVgg, 'output:pre'), 0, 0);
    const support = await gradientSupport(tinyVgg, { kind: 'class', index: 1 }, input);
    expect(compare(support, box, input.width)).toEqual({ support: box, outside: 0, missing: 0 });
  });
});
