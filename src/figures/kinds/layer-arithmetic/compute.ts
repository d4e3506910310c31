/** Arithmetic only: nothing to load, no forward pass; the data is what the page starts from. */
import type { FigureComputation } from '../../contract/compute.ts';
import { layerArithmetic } from './arithmetic.ts';
import type { LayerArithmeticData, LayerArithmeticRecipe } from './recipe.ts';

export const layerArithmeticComputation: FigureComputation<LayerArithmeticRecipe, LayerArithmeticData> = {
  reads: () => ({ models: {}, images: [] }),
  compute: async ({ kind: _kind, ...spec }) => ({ data: layerArithmetic(spec) }),
};
