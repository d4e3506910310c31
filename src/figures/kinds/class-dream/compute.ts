/** One recipe optimisation per class, each maximising the class's logit (the score before the softmax). */
import { dream } from '../../../engine/index.ts';
import { dreamTiles } from '../../common/dream-tiles.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { ClassDreamData, ClassDreamRecipe } from './recipe.ts';

export const classDream: FigureComputation<ClassDreamRecipe, ClassDreamData> = {
  reads: (recipe) => ({ models: { [recipe.model]: 'whole' }, images: [], gradients: true }),
  async compute(recipe, inputs, run) {
    const network = await inputs.network(recipe.model);
    const { classLogit, logitsLayer } = dream.objectives;
    const logits = logitsLayer(network);
    const tiles = recipe.classes.map((c, i) => ({
      label: recipe.labels?.[i] ?? network.labels[c] ?? `class ${c}`,
      objective: classLogit(logits, c),
    }));
    return dreamTiles(recipe, network, tiles, run);
  },
};
