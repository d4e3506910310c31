/** One Gatys run per row (its style layer set) to the last column's iterations, snapshots at each column. */
import { gatysFigure, gatysReads } from '../../common/gatys-runs.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { StyleGridData, StyleGridRecipe } from './recipe.ts';

export const styleGrid: FigureComputation<StyleGridRecipe, StyleGridData> = {
  reads: gatysReads,
  compute(recipe, inputs, run) {
    const columns = recipe.iterations.length;
    const runs = recipe.rows.map((styleLayers) => ({
      styleLayers,
      settings: recipe,
      iterations: recipe.iterations.at(-1)!,
      checkpoints: recipe.iterations,
    }));
    const tileOf = (row: number, iteration: number) => row * columns + recipe.iterations.indexOf(iteration);
    return gatysFigure(recipe, { runs, columns, tileOf }, inputs, run);
  },
};
