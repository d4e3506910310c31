/** <NaiveVsRecipe>: naive pixel ascent beside the recipe, same unit, steps and seed. */
import type { DreamTilesData, OptimisationRecipeBase } from '../../common/recipe-parts.ts';

export interface DreamCompareRecipe extends OptimisationRecipeBase {
  kind: 'dream-compare';
  layer: string;
  channel: number;
}

export type DreamCompareData = DreamTilesData;
