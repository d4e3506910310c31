/**
 * The differentiable max-pool routes each window's gradient to exactly one element, the first maximum in
 * row-major order, as tfjs's cpu backend does (its MaxPoolGrad is the reference). Ties are where a mask of
 * "equals the maximum" goes wrong: a constant image makes every 2x2 window a four-way tie, and a photo has a
 * few. Windows whose values are all at most 0 are where wasm's own MaxPoolGrad goes wrong.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { maxPoolWithGradient, type ForwardOptions } from '../../src/engine/model/forward.ts';
import type { PoolStage } from '../../src/engine/model/plan.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { maxRelativeDifference } from '../helpers/compare.ts';
import { photoPath } from '../helpers/images.ts';

/** A class of Tiny Darknet's output (any would do). */
const CLASS = 235;

let networks: Record<'wasm' | 'cpu', Network>;

beforeAll(async () => {
  await ensureGradients();
  await initNodeBackend('cpu');
  const cpu = await loadModel('tiny-darknet', { from: 'mirror' });
  await initNodeBackend('wasm');
  const wasm = await loadModel('tiny-darknet', { from: 'mirror' });
  networks = { wasm, cpu };
});
afterAll(() => {
  networks.cpu.dispose();
  networks.wasm.dispose();
});

/** The class logit's input gradient on a backend, with the given forward options. */
async function logitGradient(
  backend: 'wasm' | 'cpu',
  image: tf.Tensor4D,
  options: ForwardOptions,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  const network = networks[backend];
  const logit = (x: tf.Tensor) =>
    tf.tidy(() => {
      const [out] = network.forward(x as tf.Tensor4D, ['global_average_pooling2d_1'], options);
      return tf.squeeze(tf.slice(out!, [0, CLASS], [1, 1])) as tf.Scalar;
    });
  const x = tf.tensor4d(await image.data(), image.shape);
  const g = tf.grad(logit)(x);
  const values = await g.data<'float32'>();
  tf.dispose([x, g]);
  return values;
}

describe('max-pool gradient through Tiny Darknet', () => {
  it('is exact at a constant image, where every window is a four-way tie (wasm against cpu)', async () => {
    const image = tf.fill([1, 64, 64, 3], 0.5) as tf.Tensor4D;
    // Reference: tfjs's own ops on cpu (fused convs, tf.maxPool and its MaxPoolGrad).
    const reference = await logitGradient('cpu', image, {});
    const ours = await logitGradient('wasm', image, { differentiable: true });
    image.dispose();
    expect(maxRelativeDifference(ours, reference)).toBeLessThan(1e-4);
  });

  it('is exact on a photo, ties included (dog.jpg 224x224, the same forward values on cpu)', async () => {
    await tf.setBackend('cpu');
    const image = networks.cpu.preprocess(await decodeImageFile(photoPath('dog.jpg')));
    // Both through the same plain forward ops, so the values (and their ties) are identical; only the
    // max-pool gradient differs. Across backends, float rounding would move near-ties instead.
    const reference = await logitGradient('cpu', image, { differentiable: true, tfjsMaxPoolGradient: true });
    const ours = await logitGradient('cpu', image, { differentiable: true });
    image.dispose();
    expect(maxRelativeDifference(ours, reference)).toBe(0);
  });
});

describe('one max-pool on wasm against the cpu reference', () => {
  const stage = (padding: 'same' | 'valid') =>
    ({
      kind: 'max-pool',
      name: 'pool',
      layers: [],
      poolSize: [2, 2],
      strides: [2, 2],
      padding,
    }) as unknown as PoolStage;

  /** The pooling's input gradient, each output weighted differently so a gradient sent astray shows. */
  async function poolGradient(backend: 'wasm' | 'cpu', values: tf.Tensor4D, padding: 'same' | 'valid', ours: boolean) {
    await tf.setBackend(backend);
    const x = tf.tensor4d(await values.data(), values.shape);
    const f = (input: tf.Tensor) =>
      tf.tidy(() => {
        const pooled = ours
          ? maxPoolWithGradient(stage(padding), input as tf.Tensor4D)
          : tf.maxPool(input as tf.Tensor4D, 2, 2, padding);
        const weights = tf.reshape(tf.add(tf.range(0, pooled.size), 1), pooled.shape);
        return tf.sum(tf.mul(pooled, weights)) as tf.Scalar;
      });
    const g = tf.grad(f)(x);
    const result = [...(await g.data<'float32'>())];
    tf.dispose([x, g]);
    return result;
  }

  it.each(['same', 'valid'] as const)(
    'routes all-non-positive windows, zeros and ties (%s padding, odd size)',
    async (padding) => {
      await tf.setBackend('cpu');
      const values = tf.tensor4d(
        Array.from({ length: 5 * 7 * 2 }, (_, i) => (i % 3 === 0 ? 0 : -((i * 7) % 5))),
        [1, 5, 7, 2],
      );
      const reference = await poolGradient('cpu', values, padding, false);
      expect(await poolGradient('wasm', values, padding, true)).toEqual(reference);
      values.dispose();
    },
  );

  it("routes the first pool of dog.jpg's real activations exactly", async () => {
    await tf.setBackend('cpu');
    const input = networks.cpu.preprocess(await decodeImageFile(photoPath('dog.jpg')));
    const [activations] = networks.cpu.forward(input, ['conv2d_1']);
    const reference = await poolGradient('cpu', activations as tf.Tensor4D, 'same', false);
    const ours = await poolGradient('wasm', activations as tf.Tensor4D, 'same', true);
    tf.dispose([input, activations!]);
    expect(ours).toEqual(reference);
  });
});
