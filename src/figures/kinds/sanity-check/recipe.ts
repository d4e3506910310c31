/** <SanityCheck>: each method's map as the network's layers are randomised from the top down. */
import type { AttributionData, AttributionRecipeBase, MethodSpec } from '../../common/attribution/recipe.ts';

export interface SanityCheckRecipe extends AttributionRecipeBase {
  kind: 'sanity-check';
  methods: MethodSpec[];
  /** Weighted layers randomised at the last step (capped by the build profile). */
  depth: number;
  /** Seed of the random weights. */
  seed: number;
}

export interface SanityCheckData extends AttributionData {
  /** Column headings: "original", then the deepest layer randomised so far. */
  layers: string[];
  /** Per method (row), per step (column): Spearman's rho with the original map (null: a constant map). */
  rho: (number | null)[][];
}
