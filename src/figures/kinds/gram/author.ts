/** <GramMatrix layer="block2_conv1" style="styles/starrynight.jpg" />: props, names, the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { contentImageProp, styleProp, styleWhenFetchedProp, vggModelProp } from '../../common/style-props.ts';

export const gramMatrixAuthoring = defineAuthoring({
  kind: 'gram',
  component: 'GramMatrix',
  summary: "the layer's Gram matrix for the photo and the painting; drawn with d3 (hover a cell) once in view",
  props: z.object({
    model: vggModelProp,
    layer: z.string().describe('Layer whose Gram matrix is drawn, e.g. block2_conv1.'),
    image: contentImageProp,
    style: styleProp,
    channels: z
      .number()
      .int()
      .min(2)
      .max(64)
      .default(32)
      .describe("How many of the layer's channels to show (the first n)."),
    size: z.number().int().min(32).max(512).default(224).describe('Side both images are cropped and resized to.'),
    whenFetched: styleWhenFetchedProp,
  }),
  names: (p) => ({
    model: p.model,
    layers: { names: [p.layer], only: 'conv' },
    images: [p.image, p.style],
    whenFetched: p.whenFetched,
  }),
  toRecipe: (p, context) => ({
    kind: 'gram',
    model: p.model,
    layer: p.layer,
    image: imageRef(p.image ?? context.photo),
    style: imageRef(p.style),
    channels: p.channels,
    size: p.size,
  }),
  check: (recipe, context) => {
    const count = context.channelCount(recipe.model, recipe.layer);
    return recipe.channels > count
      ? [
          `channel ${recipe.channels - 1} does not exist in ${recipe.layer} of ${recipe.model}; valid channels: 0-${count - 1}`,
        ]
      : [];
  },
  cost: (recipe) => 2 * 20 * ((recipe.size * recipe.size) / (224 * 224)),
});
