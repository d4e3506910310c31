/** <TopK>: the model's k best guesses for a photo. */
import type { Prediction } from '../../../engine/index.ts';
import type { PhotoRecipeBase } from '../../common/recipe-parts.ts';

export interface TopKRecipe extends PhotoRecipeBase {
  kind: 'top-k';
  k: number;
}

export interface TopKData {
  predictions: Prediction[];
}
