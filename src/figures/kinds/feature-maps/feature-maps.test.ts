/**
 * The feature-map grid through the one compute entry, on the real Tiny Darknet: every grid of one photo
 * and model comes from one forward pass, and each tile is its channel scaled to its own range.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VIRIDIS } from '../../../engine/visual/colormap.ts';
import { tileOrigin } from '../../../engine/visual/atlas-layout.ts';
import type { CachedInputs } from '../../inputs/cached-inputs.ts';
import { planLoads } from '../../inputs/load-plan.ts';
import { computeFigure } from '../../registry/compute.ts';
import { initNodeBackend } from '../../../node/engine.ts';
import { nodeInputs } from '../../../node/figure-inputs.ts';
import type { FeatureMapsData, FeatureMapsRecipe } from './recipe.ts';

const recipe = (layer: string, channels: number[]): FeatureMapsRecipe => ({
  kind: 'feature-maps',
  model: 'tiny-darknet',
  layer,
  image: 'images-photos/chelsea.png',
  resize: 'squash',
  channels,
  columns: 2,
});
const shallow = recipe('conv2d_1', [0, 5, 9]);
const deep = recipe('conv2d_8', [3]);
let inputs: CachedInputs;

beforeAll(async () => {
  await initNodeBackend('wasm');
  inputs = nodeInputs(planLoads([shallow, deep]), 'mirror');
});
afterAll(() => inputs.dispose());

describe('feature maps', () => {
  it('takes every grid of a photo from one forward pass', async () => {
    const network = await inputs.network('tiny-darknet');
    const pass = vi.spyOn(network, 'activations');
    await computeFigure(shallow, inputs);
    await computeFigure(deep, inputs);
    expect(pass).toHaveBeenCalledTimes(1);
    expect(pass.mock.calls[0]![1]).toEqual(['conv2d_1', 'conv2d_8']);
  });

  it('draws each channel on its own range: its minimum darkest, its maximum brightest', async () => {
    const result = await computeFigure(shallow, inputs);
    const data = result.data as FeatureMapsData;
    const analysis = await inputs.analysis('tiny-darknet', shallow.image);
    const activation = await analysis.layer('conv2d_1', 'squash');
    const [h, w, c] = activation.shape as [number, number, number];
    expect(data.atlas.layerShape).toEqual([224, 224, 16]);
    for (const [tile, channel] of shallow.channels.entries()) {
      let [min, max, argmin, argmax] = [Infinity, -Infinity, 0, 0];
      for (let p = 0; p < h * w; p++) {
        const v = activation.data[p * c + channel]!;
        if (v < min) [min, argmin] = [v, p];
        if (v > max) [max, argmax] = [v, p];
      }
      expect(data.atlas.ranges[tile]).toEqual({ min, max });
      const [x0, y0] = tileOrigin(data.atlas.layout, tile);
      const rgb = (p: number) => {
        const at = ((y0 + Math.floor(p / w)) * data.atlas.layout.width + x0 + (p % w)) * 4;
        return [...result.image!.rgba.subarray(at, at + 3)];
      };
      expect(rgb(argmin)).toEqual([...VIRIDIS.subarray(0, 3)]);
      expect(rgb(argmax)).toEqual([...VIRIDIS.subarray(255 * 3, 255 * 3 + 3)]);
    }
  });
});
