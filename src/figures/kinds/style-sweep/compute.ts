/** One Gatys run per content/style ratio, each a column of one row. */
import { gatysFigure, gatysReads } from '../../common/gatys-runs.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { StyleSweepData, StyleSweepRecipe } from './recipe.ts';

export const styleSweep: FigureComputation<StyleSweepRecipe, StyleSweepData> = {
  reads: gatysReads,
  compute(recipe, inputs, run) {
    const { contentLayer, styleWeight, tvWeight } = recipe;
    const runs = recipe.contentWeights.map((contentWeight) => ({
      styleLayers: recipe.styleLayers,
      settings: { contentLayer, contentWeight, styleWeight, tvWeight },
      iterations: recipe.iterations,
      checkpoints: [recipe.iterations],
    }));
    return gatysFigure(recipe, { runs, columns: runs.length, tileOf: (column) => column }, inputs, run);
  },
};
