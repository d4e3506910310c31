/** <SaliencyMethods>: several attribution methods side by side, one photo, one target. */
import type { AttributionData, AttributionRecipeBase, MethodSpec } from '../../common/attribution/recipe.ts';

export interface SaliencyCompareRecipe extends AttributionRecipeBase {
  kind: 'saliency-compare';
  methods: MethodSpec[];
  /** Maps per row. */
  columns: number;
}

export type SaliencyCompareData = AttributionData;
