/** A layer's channels for a photo, as one atlas: shared by the feature-map grid and the channel sweep. */
import { visual } from '../../engine/index.ts';
import type { FigureInputs, FigureResult } from '../contract/compute.ts';
import { PAGE_BACKGROUND } from './atlas-style.ts';
import type { AtlasData, PhotoRecipeBase } from './recipe-parts.ts';

export async function activationAtlas(
  recipe: PhotoRecipeBase & { layer: string; channels: number[] },
  inputs: FigureInputs,
  columns: number,
  gap: number,
): Promise<FigureResult<{ atlas: AtlasData }>> {
  const analysis = await inputs.analysis(recipe.model, recipe.image);
  const activation = await analysis.layer(recipe.layer, recipe.resize);
  const { data, shape } = activation;
  const { image, layout, ranges } = visual.featureMapAtlas(data, shape, recipe.channels, columns, gap, PAGE_BACKGROUND);
  return { image, data: { atlas: { layout, channels: recipe.channels, ranges, layerShape: shape } } };
}

/** What a figure of one layer of a photo reads: that layer, from the photo's shared pass. */
export function activationReads(recipe: PhotoRecipeBase & { layer: string }) {
  return {
    models: { [recipe.model]: [recipe.layer] },
    images: [recipe.image],
    analysis: { model: recipe.model, image: recipe.image, layers: [recipe.layer] },
  };
}
