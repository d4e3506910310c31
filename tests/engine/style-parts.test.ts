/**
 * Pieces of the style engine that need no network: the Gram matrix (its custom gradient against tfjs's
 * own autodiff) and the Adam step with clipping. (The optimisation, losses and preprocessing are in
 * gatys.test.ts.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from '../../src/engine/dream/adam.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { gramMatrix } from '../../src/engine/style/gram.ts';
import { initNodeBackend } from '../../src/node/engine.ts';
import { maxRelativeDifference } from '../helpers/compare.ts';

let baseline: number;

beforeAll(async () => {
  await initNodeBackend('wasm');
  await ensureGradients();
  baseline = tf.memory().numTensors;
});

describe('Gram matrix', () => {
  it('equals F^T F / (h w) computed by hand, and is symmetric', async () => {
    const [h, w, c] = [3, 4, 5];
    const features = tf.randomNormal([1, h, w, c], 0, 1, 'float32', 5) as tf.Tensor4D;
    const f = await features.data();
    const gram = gramMatrix(features);
    const g = await gram.data();
    expect(gram.shape).toEqual([c, c]);
    for (let a = 0; a < c; a++) {
      for (let b = 0; b < c; b++) {
        let sum = 0;
        for (let p = 0; p < h * w; p++) sum += f[p * c + a]! * f[p * c + b]!;
        expect(Math.abs(g[a * c + b]! - sum / (h * w))).toBeLessThan(1e-5);
        expect(g[a * c + b]).toBe(g[b * c + a]);
      }
    }
    tf.dispose([features, gram]);
  });

  it('has the gradient of the plain matMul formula (custom gradient checked against autodiff)', async () => {
    const features = tf.randomNormal([1, 6, 7, 8], 0, 1, 'float32', 9) as tf.Tensor4D;
    const weights = tf.randomNormal([8, 8], 0, 1, 'float32', 10); // not symmetric: exercises dG + dG^T
    const plain = (x: tf.Tensor) =>
      tf.div(tf.matMul(tf.reshape(x, [42, 8]) as tf.Tensor2D, tf.reshape(x, [42, 8]) as tf.Tensor2D, true, false), 42);
    const [custom, reference] = [gramMatrix, plain].map((gram) =>
      tf.grad((x: tf.Tensor) => tf.sum(tf.mul(gram(x as tf.Tensor4D), weights)))(features),
    );
    expect(maxRelativeDifference(await custom!.data(), await reference!.data())).toBeLessThan(1e-5);
    tf.dispose([features, weights, custom!, reference!]);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('Adam', () => {
  it('Adam descends against the gradient and clips', async () => {
    const adam = new Adam(tf.tensor1d([0.5, 0.99]), { learningRate: 0.02 });
    const gradient = tf.tensor1d([1, -1]);
    adam.descend(gradient);
    adam.clip(0, 1);
    const [a, b] = await adam.params.data();
    expect(a).toBeCloseTo(0.48, 5);
    expect(b).toBe(1);
    adam.dispose();
    gradient.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
