/** One recipe optimisation per unit, each maximising the unit's mean value before the non-linearity. */
import { dream } from '../../../engine/index.ts';
import { dreamTiles } from '../../common/dream-tiles.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { DreamGalleryData, DreamGalleryRecipe } from './recipe.ts';

export const dreamGallery: FigureComputation<DreamGalleryRecipe, DreamGalleryData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [recipe.layer] }, images: [], gradients: true }),
  async compute(recipe, inputs, run) {
    const network = await inputs.network(recipe.model);
    const { beforeNonLinearity, channel } = dream.objectives;
    const layer = beforeNonLinearity(network, recipe.layer);
    const tiles = recipe.channels.map((c) => ({ label: `${recipe.layer} unit ${c}`, objective: channel(layer, c) }));
    return dreamTiles(recipe, network, tiles, run);
  },
};
