/** The layer's effective kernel as tiles: zero is mid-grey, one symmetric scale for the whole layer. */
import { visual } from '../../../engine/index.ts';
import { PAGE_BACKGROUND } from '../../common/atlas-style.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { FiltersData, FiltersRecipe } from './recipe.ts';

export const filters: FigureComputation<FiltersRecipe, FiltersData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [recipe.layer] }, images: [] }),
  async compute(recipe, inputs) {
    const network = await inputs.network(recipe.model);
    const weights = await network.filterWeights(recipe.layer);
    const tiles = visual.filterImages(weights.shape, weights.data);
    const { image, layout } = visual.tileAtlas(
      tiles.rgba,
      tiles.count,
      tiles.width,
      tiles.height,
      recipe.columns,
      1,
      PAGE_BACKGROUND,
    );
    const range = { min: -tiles.scale, max: tiles.scale };
    const atlas = {
      layout,
      channels: [...Array(tiles.count).keys()],
      ranges: Array<typeof range>(tiles.count).fill(range),
      layerShape: weights.shape,
    };
    return { image, data: { atlas, mode: tiles.mode, inputChannels: tiles.inputChannels, scale: tiles.scale } };
  },
};
