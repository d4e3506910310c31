/** <OcclusionMap>: the lecture's occlusion experiment, the drop in the target as a patch slides over the photo. */
import type { AttributionData, AttributionRecipeBase } from '../../common/attribution/recipe.ts';

export interface OcclusionRecipe extends AttributionRecipeBase {
  kind: 'occlusion';
  window: number;
  stride: number;
  patch: 'grey' | 'blur';
}

export type OcclusionData = AttributionData;
