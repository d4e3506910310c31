/**
 * The filter slide on the real models: the engine's kernel and bias (batch norm folded in) and input
 * window, through the shared hand arithmetic (27 products, their sum, the bias, the activation), land on
 * the layer's own output at every position of the patch, to 1e-4, padded corners included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../engine/index.ts';
import { unitAt, patchSize } from '../../common/conv-arithmetic.ts';
import type { CachedInputs } from '../../inputs/cached-inputs.ts';
import { planLoads } from '../../inputs/load-plan.ts';
import { computeFigure } from '../../registry/compute.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import type { FilterSlideData, FilterSlideRecipe } from './recipe.ts';

const recipe = (
  model: string,
  layer: string,
  channel: number,
  patch: FilterSlideRecipe['patch'],
): FilterSlideRecipe => ({
  kind: 'filter-slide',
  model,
  layer,
  channel,
  image: 'images-photos/chelsea.png',
  resize: 'squash',
  patch,
});
const cases = [
  recipe('tiny-darknet', 'conv2d_1', 3, { x: 100, y: 90, width: 8, height: 8 }),
  recipe('tiny-darknet', 'conv2d_1', 7, { x: 0, y: 0, width: 5, height: 4 }), // the top-left zero padding
  recipe('tiny-darknet', 'conv2d_1', 0, { x: 208, y: 212, width: 16, height: 12 }), // the far edges
  recipe('tiny-vgg', 'conv_1_1', 2, { x: 20, y: 30, width: 16, height: 16 }),
];
let inputs: CachedInputs;

beforeAll(async () => {
  await initNodeBackend('wasm');
  inputs = nodeInputs(planLoads(cases), 'mirror');
});
afterAll(() => inputs.dispose());

describe('filter slide', () => {
  it.each(cases)('$model $layer channel $channel: the hand arithmetic is the layer output', async (r) => {
    const data = (await computeFigure(r, inputs)).data as FilterSlideData;
    expect(patchSize(data.window)).toEqual([r.patch.width, r.patch.height]);
    expect(data.window.kernel.values).toHaveLength(27);
    expect(data.outputs).toHaveLength(r.patch.width * r.patch.height);
    let worst = 0;
    for (let row = 0; row < r.patch.height; row++)
      for (let column = 0; column < r.patch.width; column++) {
        const step = unitAt(data.window, column, row);
        expect(step.products).toHaveLength(27);
        expect(step.pre).toBeCloseTo(step.sum + data.window.bias, 12);
        worst = Math.max(worst, Math.abs(step.out - data.outputs[row * r.patch.width + column]!));
      }
    expect(worst).toBeLessThan(1e-4);
    // Not all zero: the check compares real values (a dead patch would pass trivially).
    expect(new Set(data.outputs.map((v) => v.toFixed(3))).size).toBeGreaterThan(3);
  });

  it("folds Tiny Darknet's batch norm into the kernel and bias; Tiny VGG has none", async () => {
    const darknet = (await computeFigure(cases[0]!, inputs)).data as FilterSlideData;
    const vgg = (await computeFigure(cases[3]!, inputs)).data as FilterSlideData;
    expect([darknet.batchNormFolded, vgg.batchNormFolded]).toEqual([true, false]);
    expect(darknet.window.activation).toMatchObject({ type: 'leakyrelu', alpha: expect.closeTo(0.1, 6) });
    expect(vgg.window.activation).toEqual({ type: 'relu' });
  });

  it('refuses a layer that does not read the photo, and a patch off the map', async () => {
    const network = await inputs.network('tiny-darknet');
    const pixels = await inputs.image('images-photos/chelsea.png');
    const box = { x: 0, y: 0, width: 2, height: 2 };
    await expect(operations.convWindow(network, pixels, 'max_pooling2d_1', 0, box)).rejects.toThrow(/first conv layer/);
    await expect(operations.convWindow(network, pixels, 'batch_normalization_1', 0, box)).rejects.toThrow(/conv2d_1/);
    await expect(operations.convWindow(network, pixels, 'conv2d_1', 0, { ...box, x: 223 })).rejects.toThrow(/outside/);
  });
});
