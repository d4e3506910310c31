/** <FilterSlide channel={3} patch={{"x": 100, "y": 90, "width": 8, "height": 8}} />: props and the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { imageProp, modelProp, resizeProp } from '../../common/props.ts';

const patchProp = z
  .object({
    x: z.number().int().nonnegative(),
    y: z.number().int().nonnegative(),
    width: z.number().int().min(1).max(16),
    height: z.number().int().min(1).max(16),
  })
  .default({ x: 24, y: 24, width: 8, height: 8 })
  .describe(
    'Output positions the filter steps across, e.g. {"x": 100, "y": 90, "width": 8, "height": 8} (at most 16x16).',
  );

export const filterSlideAuthoring = defineAuthoring({
  kind: 'filter-slide',
  component: 'FilterSlide',
  summary:
    "one learned first-layer filter stepped across a patch of the photo: the 27 products, their sum, the bias and the activation landing as one pixel of the output map; then the channel's whole map",
  props: z.object({
    model: modelProp,
    layer: z
      .string()
      .default('conv2d_1')
      .describe('The first conv layer, which reads the photo (conv2d_1 in tiny-darknet, conv_1_1 in tiny-vgg).'),
    channel: z.number().int().nonnegative().default(0).describe('The filter (output channel) to show.'),
    image: imageProp,
    resize: resizeProp,
    patch: patchProp,
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' }, images: [p.image] }),
  toRecipe: (p, context) => ({
    kind: 'filter-slide',
    model: p.model,
    layer: p.layer,
    channel: p.channel,
    image: imageRef(p.image ?? context.photo),
    resize: p.resize,
    patch: p.patch,
  }),
  check: (recipe, context) => {
    const count = context.channelCount(recipe.model, recipe.layer);
    return recipe.channel < count
      ? []
      : [
          `channel ${recipe.channel} does not exist in ${recipe.layer} of ${recipe.model}; valid channels: 0-${count - 1}`,
        ];
  },
  cost: () => 0.2,
});
