/**
 * Layer operations on the real models: the hand ReLU and leaky ReLU of the value before the
 * non-linearity are the layer's own output; the hand max of each window is the pool layer's output; the
 * hand softmax sums to 1 over every class and gives the model's own probabilities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate } from '../../common/conv-arithmetic.ts';
import { maxPoolWindows, softmaxSteps } from '../../common/layer-arithmetic.ts';
import type { CachedInputs } from '../../inputs/cached-inputs.ts';
import { planLoads } from '../../inputs/load-plan.ts';
import { computeFigure } from '../../registry/compute.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import type { LayerOperationRecipe, MapOperationData, SoftmaxData } from './recipe.ts';

const recipe = (
  op: LayerOperationRecipe['op'],
  model: string,
  layer: string,
  x = 101,
  y = 91,
): LayerOperationRecipe => ({
  kind: 'layer-operation',
  op,
  model,
  layer,
  channel: 3,
  x,
  y,
  k: 5,
  image: 'images-photos/chelsea.png',
  resize: 'squash',
});
const relu = recipe('relu', 'tiny-vgg', 'conv_1_1', 20, 20);
const leaky = { ...recipe('leaky-relu', 'tiny-darknet', 'conv2d_1'), channel: 7 }; // half its map is negative
const pool = recipe('max-pool', 'tiny-darknet', 'max_pooling2d_1');
const vggPool = recipe('max-pool', 'tiny-vgg', 'max_pool_1', 21, 27);
const softmax = recipe('softmax', 'tiny-darknet', '');
const vggSoftmax = recipe('softmax', 'tiny-vgg', '');
const all = [relu, leaky, pool, vggPool, softmax, vggSoftmax];
let inputs: CachedInputs;

beforeAll(async () => {
  await initNodeBackend('wasm');
  inputs = nodeInputs(planLoads(all), 'mirror');
});
afterAll(() => inputs.dispose());

describe('layer operations', () => {
  it.each([relu, leaky])('$op by hand is the layer output ($model)', async (r) => {
    const data = (await computeFigure(r, inputs)).data as MapOperationData;
    expect(data.input.values).toHaveLength(16);
    expect(data.input.values.some((v) => v < 0)).toBe(true); // the non-linearity has work to do
    const mine = data.input.values.map((v) => activate(data.activation, v));
    mine.forEach((v, i) => expect(v).toBeCloseTo(data.model[i]!, 5));
  });

  it('refuses an operation the layer does not use', async () => {
    await expect(computeFigure({ ...relu, op: 'leaky-relu' }, inputs)).rejects.toThrow(/uses relu, not leaky-relu/);
  });

  it.each([pool, vggPool])('max pool by hand is the pool layer ($model)', async (r) => {
    const data = (await computeFigure(r, inputs)).data as MapOperationData;
    expect([data.x % 2, data.y % 2]).toEqual([0, 0]);
    const windows = maxPoolWindows(data.input, data.pool!.size, data.pool!.strides);
    expect(windows).toHaveLength(4);
    expect(windows.map((w) => w.max)).toEqual(data.model);
    expect(new Set(data.model).size).toBeGreaterThan(1);
  });

  it.each([softmax, vggSoftmax])('softmax by hand sums to 1 and is the model ($model)', async (r) => {
    const data = (await computeFigure(r, inputs)).data as SoftmaxData;
    const { probabilities } = softmaxSteps(data.logits);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(data.top).toHaveLength(5);
    for (const p of data.top) expect(probabilities[p.index]).toBeCloseTo(p.probability, 5);
  });
});
