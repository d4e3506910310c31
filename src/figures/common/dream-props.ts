/** Author-side pieces the optimisation figures share: the recipe's common fields from the build profile, and its cost. */
import type { RecipeContext } from '../contract/authoring.ts';
import type { OptimisationRecipeBase } from './recipe-parts.ts';

/** Size and steps: the author's, else the build profile's. */
export function optimisationBase(
  p: { model: string; seed: number; size?: number; steps?: number },
  context: RecipeContext,
): OptimisationRecipeBase {
  const { dream } = context.profile;
  return {
    model: p.model,
    seed: p.seed,
    size: p.size ?? dream.size,
    steps: p.steps ?? dream.steps,
    profile: context.profile.name,
  };
}

/** Cost in 224x224 forward passes: each step is a forward and a backward pass (about 3 forwards) at the image's area. */
export function optimisationCost(recipe: OptimisationRecipeBase, tiles: number): number {
  return tiles * recipe.steps * 3 * ((recipe.size * recipe.size) / (224 * 224));
}
