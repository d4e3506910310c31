/** DeepDream on the photo, fitted to the profile's size: gradient ascent on the layer's mean squared activation. */
import { dream, image } from '../../../engine/index.ts';
import type { FigureComputation } from '../../contract/compute.ts';
import type { DeepDreamData, DeepDreamRecipe } from './recipe.ts';

export const deepDream: FigureComputation<DeepDreamRecipe, DeepDreamData> = {
  reads: (recipe) => ({ models: { [recipe.model]: [recipe.layer] }, images: [recipe.image], gradients: true }),
  async compute(recipe, inputs, run) {
    const [network, pixels] = await Promise.all([inputs.network(recipe.model), inputs.image(recipe.image)]);
    const photo = await image.fitPhoto(pixels, recipe.maxSide);
    const result = await dream.deepDreamPhoto(network, photo, dream.objectives.deepDream(recipe.layer), {
      octaves: recipe.octaves,
      stepsPerOctave: recipe.stepsPerOctave,
      seed: recipe.seed,
      signal: run.signal,
      frameEvery: run.onPartial ? (run.frameEvery ?? 4) : undefined,
      onFrame: run.onPartial && (({ image: frame }) => run.onPartial!(frame)),
    });
    await run.onPartial?.(result.image);
    return {
      image: result.image,
      data: { before: result.before, after: result.after, stepsPerSecond: result.stepsPerSecond },
    };
  },
};
