/** <DeepDream layer="conv2d_8" />: props, what they name, the recipe (octaves and steps from the build profile). */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { modelProp, seedProp } from '../../common/props.ts';

export const deepDreamAuthoring = defineAuthoring({
  kind: 'deepdream',
  component: 'DeepDream',
  summary:
    "the photo with what the layer sees amplified (mean squared activation), over octaves; follows the reader's photo",
  props: z.object({
    model: modelProp,
    layer: z.string().describe('Layer whose mean squared activation is amplified.'),
    image: z.string().optional().describe("Photo, as for the other figures; default: the article's photo."),
    seed: seedProp,
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' }, images: [p.image] }),
  toRecipe: (p, context) => {
    const { octaves, stepsPerOctave, maxSide } = context.profile.deepDream;
    const image = imageRef(p.image ?? context.photo);
    return {
      kind: 'deepdream',
      model: p.model,
      layer: p.layer,
      image,
      octaves,
      stepsPerOctave,
      maxSide,
      seed: p.seed,
      profile: context.profile.name,
    };
  },
  cost: (recipe) => recipe.octaves * recipe.stepsPerOctave * 3 * ((recipe.maxSide * recipe.maxSide) / (224 * 224)),
});
