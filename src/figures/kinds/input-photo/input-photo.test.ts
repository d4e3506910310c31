/** The input photo through the one compute entry: the photo's own size kept, fitted within maxSide, colours kept. */
import { beforeAll, describe, expect, it } from 'vitest';
import { planLoads } from '../../inputs/load-plan.ts';
import { computeFigure } from '../../registry/compute.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import type { InputPhotoData, InputPhotoRecipe } from './recipe.ts';

const recipe: InputPhotoRecipe = { kind: 'input-photo', image: 'images-photos/chelsea.png', maxSide: 128 };

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('input photo', () => {
  it('fits the photo within maxSide, keeping its aspect ratio and its colours', async () => {
    const inputs = nodeInputs(planLoads([recipe]));
    const result = await computeFigure(recipe, inputs);
    const data = result.data as InputPhotoData;
    expect(data).toEqual({ width: 451, height: 300 });
    expect([result.image!.width, result.image!.height]).toEqual([128, 85]);
    const pixels = await inputs.image(recipe.image);
    const mean = (values: ArrayLike<number>, stride: number, offset: number) => {
      let sum = 0;
      for (let i = offset; i < values.length; i += stride) sum += values[i]!;
      return sum / (values.length / stride);
    };
    for (const channel of [0, 1, 2]) {
      expect(Math.abs(mean(result.image!.rgba, 4, channel) - mean(pixels.data, pixels.channels, channel))).toBeLessThan(
        2,
      );
    }
    expect(mean(result.image!.rgba, 4, 3)).toBe(255);
  });
});
