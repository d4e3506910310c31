/** <FaithfulnessCurves>: deletion and insertion curves (RISE) of each method's map for one photo. */
import type { AttributionData, AttributionRecipeBase, MethodSpec } from '../../common/attribution/recipe.ts';

export interface FaithfulnessRecipe extends AttributionRecipeBase {
  kind: 'faithfulness';
  methods: MethodSpec[];
  /** Share of the pixels taken per step (0.02: 50 steps). */
  stepShare: number;
}

export interface MethodCurves {
  deletion: number[];
  insertion: number[];
  deletionAuc: number;
  insertionAuc: number;
}

export interface FaithfulnessData extends AttributionData {
  curves: MethodCurves[];
}
