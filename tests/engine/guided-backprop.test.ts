/**
 * Guided backpropagation checked against a network small enough to differentiate by hand: a 1x1 conv
 * with leaky ReLU (alpha 0.1) over a 1x2 RGB image, flattened into one linear output.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers'; // registers tfjs's gradient functions in Node
import { beforeAll, describe, expect, it } from 'vitest';
import { inputGradient, targetObjective } from '../../src/engine/attribution/target.ts';
import { Network } from '../../src/engine/model/network.ts';
import { planStages } from '../../src/engine/model/plan.ts';
import type { StageWeights } from '../../src/engine/model/weights.ts';
import { initNodeBackend } from '../../src/node/engine.ts';

const PIXELS = [
  [0.2, 0.9, 0.4],
  [0.8, 0.1, 0.6],
];
/** conv kernel [colour][channel], bias per channel, dense weight per flattened (pixel, channel). */
const CONV = [
  [1, -1],
  [-0.5, 1],
  [0.3, -0.2],
];
const BIAS = [0, 0.1];
const DENSE = [0.5, -0.7, 0.9, 0.3];
const ALPHA = 0.1;

function handNetwork(): Network {
  const plan = planStages([
    { name: 'conv', className: 'Conv2D', config: { activation: 'linear', strides: [1, 1], padding: 'valid' } },
    { name: 'leaky', className: 'LeakyReLU', config: { alpha: ALPHA } },
    { name: 'flatten', className: 'Flatten', config: {} },
    { name: 'dense', className: 'Dense', config: { activation: 'linear' } },
  ]);
  const weights = new Map<number, StageWeights>([
    [0, { kernel: tf.tensor4d(CONV.flat(), [1, 1, 3, 2]), bias: tf.tensor1d(BIAS) }],
    [2, { kernel: tf.tensor2d(DENSE, [4, 1]), bias: tf.tensor1d([0]) }],
  ]);
  const spec = {
    id: 'hand',
    name: 'hand-built',
    format: 'keras-layers' as const,
    input: { width: 2, height: 1, fixedSize: true },
    preprocessing: {
      scale: 'unit' as const,
      channelOrder: 'rgb' as const,
      mean: [0, 0, 0] as [number, number, number],
    },
    outputIsLogits: true,
  };
  return new Network(spec, plan, weights, 2, ['only class']);
}

/** d output / d pixel by hand, for a rule giving each unit's gradient factor from (pre-activation, dy). */
function byHand(factor: (pre: number, dy: number) => number): number[] {
  return PIXELS.flatMap((pixel, p) =>
    pixel.map((_, c) =>
      [0, 1].reduce((sum, k) => {
        const pre = pixel.reduce((s, x, cc) => s + x * CONV[cc]![k]!, BIAS[k]!);
        return sum + CONV[c]![k]! * factor(pre, DENSE[p * 2 + k]!);
      }, 0),
    ),
  );
}

let network: Network;
let gradientOf: (options: Parameters<typeof inputGradient>[3]) => Promise<number[]>;

beforeAll(async () => {
  await initNodeBackend('wasm');
  network = handNetwork();
  gradientOf = async (options) => {
    const rgb = tf.tensor4d(PIXELS.flat(), [1, 1, 2, 3]);
    const gradient = inputGradient(network, targetObjective(network, { kind: 'class', index: 0 }), rgb, options);
    const values = [...(await gradient.data())];
    tf.dispose([rgb, gradient]);
    return values;
  };
});

describe('guided backpropagation on a hand-built network', () => {
  it('the plain gradient uses the leaky slope', async () => {
    const expected = byHand((pre, dy) => dy * (pre > 0 ? 1 : ALPHA));
    expect(await gradientOf({})).toEqual(expected.map((v) => expect.closeTo(v, 6)));
  });

  it('passes gradient only where the input and the incoming gradient are both positive', async () => {
    const expected = byHand((pre, dy) => (pre > 0 && dy > 0 ? dy : 0));
    // Only one of the four units passes (pixel 1, channel 0): the check is not vacuous.
    expect(expected.some((v) => v !== 0)).toBe(true);
    expect(await gradientOf({ guided: 'zero-slope' })).toEqual(expected.map((v) => expect.closeTo(v, 6)));
  });

  it("keeps the leaky slope for negative inputs when asked ('keep-slope')", async () => {
    const expected = byHand((pre, dy) => (dy > 0 ? dy * (pre > 0 ? 1 : ALPHA) : 0));
    const guided = await gradientOf({ guided: 'zero-slope' });
    expect(expected).not.toEqual(guided);
    expect(await gradientOf({ guided: 'keep-slope' })).toEqual(expected.map((v) => expect.closeTo(v, 6)));
  });

  it('leaves the forward values as they are', async () => {
    const rgb = tf.tensor4d(PIXELS.flat(), [1, 1, 2, 3]);
    const [plain] = network.forward(rgb, ['dense'], { differentiable: true });
    const [guided] = network.forward(rgb, ['dense'], { differentiable: true, guided: 'zero-slope' });
    expect(await guided!.data()).toEqual(await plain!.data());
    tf.dispose([rgb, plain!, guided!]);
  });
});
