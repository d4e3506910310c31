/** <SaliencyMap>: one attribution method's map of a photo for one target. */
import type { AttributionData, AttributionRecipeBase, MethodSpec } from '../../common/attribution/recipe.ts';

export interface SaliencyRecipe extends AttributionRecipeBase {
  kind: 'saliency';
  method: MethodSpec;
}

export type SaliencyData = AttributionData;
