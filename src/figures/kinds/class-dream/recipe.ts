/** <ClassDream>: per class, an image optimised for its score before the softmax. */
import type { DreamTilesData, OptimisationRecipeBase } from '../../common/recipe-parts.ts';

export interface ClassDreamRecipe extends OptimisationRecipeBase {
  kind: 'class-dream';
  /** Output indexes (names are resolved by the author side). */
  classes: number[];
  /** Tile labels, only when a class's label is shared ("crane (n02012849)"); else the model's labels. */
  labels?: string[];
}

export type ClassDreamData = DreamTilesData;
