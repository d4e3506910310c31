/** One Gatys run with per-layer style weights: the live panel's starting point (and each of its runs). */
import { gatysFigure, gatysReads } from '../../common/gatys-runs.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { GatysData, GatysRecipe } from './recipe.ts';

export const gatys: FigureComputation<GatysRecipe, GatysData> = {
  reads: gatysReads,
  compute(recipe, inputs, run) {
    const one = {
      styleLayers: recipe.styleLayers,
      layerWeights: recipe.layerWeights,
      settings: recipe,
      iterations: recipe.iterations,
      checkpoints: [recipe.iterations],
    };
    return gatysFigure(recipe, { runs: [one], columns: 1, tileOf: () => 0 }, inputs, run);
  },
};
