/** <StyleSweep>: the same Gatys optimisation with different content/style weight ratios, one column each. */
import type { GatysSettings, StyleRecipeBase } from '../../common/recipe-parts.ts';
import type { GatysFigureData } from '../../common/gatys-runs.ts';

export interface StyleSweepRecipe extends StyleRecipeBase, Omit<GatysSettings, 'contentWeight'> {
  kind: 'style-sweep';
  styleLayers: string[];
  /** Content weight of each column (the style weight is fixed): the ratio content / style. */
  contentWeights: number[];
  iterations: number;
}

export type StyleSweepData = GatysFigureData;
