/** The same unit twice: naive pixel ascent, then the recipe. */
import { dream } from '../../../engine/index.ts';
import { dreamTiles } from '../../common/dream-tiles.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { DreamCompareData, DreamCompareRecipe } from './recipe.ts';

export const dreamCompare: FigureComputation<DreamCompareRecipe, DreamCompareData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [recipe.layer] }, images: [], gradients: true }),
  async compute(recipe, inputs, run) {
    const network = await inputs.network(recipe.model);
    const { beforeNonLinearity, channel } = dream.objectives;
    const objective = channel(beforeNonLinearity(network, recipe.layer), recipe.channel);
    const tiles = [
      { label: 'naive: pixels, no transforms', objective, naive: true },
      { label: 'recipe: Fourier, decorrelated colour, transforms', objective },
    ];
    return dreamTiles(recipe, network, tiles, run);
  },
};
