/** <GatysPanel>: one Gatys optimisation, the live panel's starting point. */
import type { GatysSettings, StyleRecipeBase } from '../../common/recipe-parts.ts';
import type { GatysFigureData } from '../../common/gatys-runs.ts';

export interface GatysRecipe extends StyleRecipeBase, GatysSettings {
  kind: 'gatys';
  styleLayers: string[];
  /** Weight of each style layer, in the order of styleLayers (default: 1 each). */
  layerWeights?: number[];
  iterations: number;
}

export type GatysData = GatysFigureData;
