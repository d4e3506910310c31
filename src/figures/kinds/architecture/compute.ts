/** The summary needs the topology only: no forward pass. */
import type { FigureComputation } from '../../contract/compute.ts';
import type { ArchitectureData, ArchitectureRecipe } from './recipe.ts';

export const architecture: FigureComputation<ArchitectureRecipe, ArchitectureData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [] }, images: [] }),
  async compute(recipe, inputs) {
    const network = await inputs.network(recipe.model);
    return { data: { rows: network.summary(), input: network.spec.input } };
  },
};
