/** <StyleGrid>: Gatys et al. per row (a style layer set), snapshots of that row's run per column. */
import type { GatysSettings, StyleRecipeBase } from '../../common/recipe-parts.ts';
import type { GatysFigureData } from '../../common/gatys-runs.ts';

export interface StyleGridRecipe extends StyleRecipeBase, GatysSettings {
  kind: 'style-grid';
  rows: string[][];
  /** Iteration counts of the columns, ascending. */
  iterations: number[];
  /** Columns the author asked for that the build profile could not afford. */
  droppedIterations: number[];
}

export type StyleGridData = GatysFigureData;
