/** One pass of the photo (shared with the page's other figures of this model), one atlas of the layer's channels. */
import { activationAtlas, activationReads } from '../../common/activation-atlas.ts';
import { TILE_GAP } from '../../common/atlas-style.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { FeatureMapsData, FeatureMapsRecipe } from './recipe.ts';

export const featureMaps: FigureComputation<FeatureMapsRecipe, FeatureMapsData> = {
  reads: activationReads,
  compute: (recipe, inputs) => activationAtlas(recipe, inputs, recipe.columns, TILE_GAP),
};
