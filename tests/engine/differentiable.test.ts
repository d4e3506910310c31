/**
 * The engine's differentiable forward pass: same values as the fused inference pass, and input gradients
 * on wasm (which lacks Conv2DBackpropFilter: the plain path must never ask for it).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers'; // registers tfjs's gradient functions in Node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';

let network: Network;

beforeAll(async () => {
  await initNodeBackend('wasm');
  network = await loadModel('tiny-darknet', { from: 'mirror', upTo: ['conv2d_8'] });
});

describe('differentiable forward pass', () => {
  it('gives the fused pass values, before and after the non-linearity', async () => {
    const x = tf.randomUniform([1, 64, 64, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    const layers = ['batch_normalization_8', 'conv2d_8', 'max_pooling2d_2'];
    const fused = network.forward(x, layers);
    const plain = network.forward(x, layers, { differentiable: true });
    for (let i = 0; i < layers.length; i++) {
      const diff = (await tf.max(tf.abs(tf.sub(fused[i]!, plain[i]!))).data())[0]!;
      const scale = (await tf.max(tf.abs(fused[i]!)).data())[0]!;
      expect(diff / scale, layers[i]).toBeLessThan(1e-5);
    }
    tf.dispose([x, ...fused, ...plain]);
  });

  it('has input gradients on wasm, and leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const x = tf.randomUniform([1, 64, 64, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const channelMean = (input: tf.Tensor) =>
      tf.tidy(
        () =>
          tf.mean(
            tf.slice(
              network.forward(input as tf.Tensor4D, ['batch_normalization_8'], { differentiable: true })[0]!,
              [0, 0, 0, 3],
              [1, -1, -1, 1],
            ),
          ) as tf.Scalar,
      );
    const gradient = tf.grad(channelMean)(x);
    expect(gradient.shape).toEqual([1, 64, 64, 3]);
    expect(tf.tidy(() => tf.sum(tf.abs(gradient)).dataSync()[0])).toBeGreaterThan(0);
    tf.dispose([x, gradient]);
    expect(tf.memory().numTensors).toBe(before);
  });

  // The cpu backend's kernels are tfjs's plain reference implementations: wasm gradients must match them.
  // (This caught tfjs-backend-wasm's MaxPoolGrad returning wrong values, and checks the fast conv gradient.)
  it.each([
    ['tiny-darknet', 'batch_normalization_4'], // 'same' convs, two max pools
    ['tiny-vgg', 'conv_2_1'], // 'valid' convs, one max pool
  ] as const)('%s: input gradients on wasm equal the cpu reference through %s', async (model, layer) => {
    const gradientOn = async (backend: 'wasm' | 'cpu') => {
      await initNodeBackend(backend);
      const net = await loadModel(model, { from: 'mirror', upTo: [layer] });
      const x = tf.randomUniform([1, 64, 64, 3], 0, 1, 'float32', 11) as tf.Tensor4D;
      const objective = (input: tf.Tensor) =>
        tf.mean(tf.square(net.forward(input as tf.Tensor4D, [layer], { differentiable: true })[0]!)) as tf.Scalar;
      const gradient = tf.grad(objective)(x);
      const values = await gradient.data();
      tf.dispose([x, gradient]);
      net.dispose();
      return values;
    };
    const reference = await gradientOn('cpu');
    const wasm = await gradientOn('wasm');
    let worst = 0;
    let scale = 0;
    for (let i = 0; i < reference.length; i++) {
      worst = Math.max(worst, Math.abs(reference[i]! - wasm[i]!));
      scale = Math.max(scale, Math.abs(reference[i]!));
    }
    expect(worst / scale).toBeLessThan(1e-4);
  });
});
