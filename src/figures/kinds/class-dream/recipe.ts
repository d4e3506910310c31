/** <ClassDream>: per class, an image optimised for its score before the softmax. */
import type { DreamTilesData, OptimisationRecipeBase } from '../../common/recipe-parts.ts';

export interface ClassDreamRecipe extends OptimisationRecipeBase {
  kind: 'class-dream';
  classes: number[];
}

export type ClassDreamData = DreamTilesData;
