/** Every engine call leaves tf.memory().numTensors where it found it. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { photoPath } from '../helpers/images.ts';

describe('tensor bookkeeping', () => {
  let network: Network;
  let baseline: number;

  beforeAll(async () => {
    await initNodeBackend('wasm');
    network = await loadModel('tiny-darknet', { from: 'mirror' });
    baseline = tf.memory().numTensors;
  });

  const calls: [string, (n: Network, pixels: Awaited<ReturnType<typeof decodeImageFile>>) => Promise<unknown>][] = [
    ['activations', (n, p) => n.activations(p, ['conv2d_1', 'conv2d_8', 'batch_normalization_8', 'conv2d_16'])],
    ['activations with centre crop', (n, p) => n.activations(p, ['conv2d_3'], { resize: 'center-crop' })],
    [
      'activations at short side 160',
      (n, p) => n.activations(p, ['conv2d_3'], { resize: 'short-side', size: { width: 160, height: 160 } }),
    ],
    ['predict', (n, p) => n.predict(p)],
    ['classify', (n, p) => n.classify(p, 5)],
    ['filterWeights', (n) => n.filterWeights('conv2d_1')],
    ['an unknown layer (throws)', (n, p) => n.activations(p, ['conv2d_99']).catch(() => null)],
  ];

  for (const [name, call] of calls) {
    it(`${name} leaves no tensor behind`, async () => {
      const pixels = await decodeImageFile(photoPath('astronaut.png'));
      await call(network, pixels);
      expect(tf.memory().numTensors).toBe(baseline);
    });
  }

  it('load and dispose leave no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const other = await loadModel('vgg19', { from: 'mirror', upTo: ['block2_conv2'] });
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
