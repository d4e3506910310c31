/**
 * The Gram matrix of one layer for the photo and for the painting, side by side: entry (i, j) is how much
 * channels i and j fire together, averaged over positions. This is all of "style" that Gatys et al. keep:
 * where things are is gone, which features co-occur remains.
 */
import { style, visual } from '../../../engine/index.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { GramData, GramRecipe } from './recipe.ts';

/** Pixels per matrix cell in the image, and between the two matrices. */
const CELL = 8;
const GAP = 12;

export const gram: FigureComputation<GramRecipe, GramData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [recipe.layer] }, images: [recipe.image, recipe.style] }),
  async compute(recipe, inputs) {
    const [network, photo, painting] = await Promise.all([
      inputs.network(recipe.model),
      inputs.image(recipe.image),
      inputs.image(recipe.style),
    ]);
    const options = { layer: recipe.layer, size: recipe.size, channels: recipe.channels };
    const photoGram = await style.gramBlock(network, photo, options);
    const paintingGram = await style.gramBlock(network, painting, options);
    const max = Math.max(...photoGram, ...paintingGram, Number.MIN_VALUE);
    const side = recipe.channels * CELL;
    const layout = visual.atlasLayout(2, side, side, 2, GAP);
    const atlas = visual.blankAtlas(layout, PAGE_BACKGROUND);
    visual.placeTile(atlas, layout, 0, visual.heatmap(photoGram, recipe.channels, max, CELL));
    visual.placeTile(atlas, layout, 1, visual.heatmap(paintingGram, recipe.channels, max, CELL));
    const data = {
      layer: recipe.layer,
      channels: recipe.channels,
      photo: round(photoGram),
      painting: round(paintingGram),
      max,
      layout,
    };
    return { image: atlas, data };
  },
};

/** Four significant digits: the page needs readings, not float32 noise (keeps the metadata small). */
function round(values: Float32Array): number[] {
  return [...values].map((v) => Number(v.toPrecision(4)));
}
