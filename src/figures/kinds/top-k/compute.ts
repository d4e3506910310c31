/** The model's output for the photo (the whole model), its k most likely classes. */
import type { FigureComputation } from '../../contract/compute.ts';
import type { TopKData, TopKRecipe } from './recipe.ts';

export const topK: FigureComputation<TopKRecipe, TopKData> = {
  reads: (recipe) => ({ models: { [recipe.model]: 'whole' }, images: [recipe.image] }),
  async compute(recipe, inputs) {
    const analysis = await inputs.analysis(recipe.model, recipe.image);
    return { data: { predictions: await analysis.predictions(recipe.k, recipe.resize) } };
  },
};
