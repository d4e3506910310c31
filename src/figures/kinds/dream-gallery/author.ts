/** <DreamGallery layer="conv2d_6" channels={[1, 8]} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { checkChannels } from '../../common/channels.ts';
import { optimisationBase, optimisationCost } from '../../common/dream-props.ts';
import { modelProp, seedProp, sizeProp, stepsProp } from '../../common/props.ts';

export const dreamGalleryAuthoring = defineAuthoring({
  kind: 'dream-gallery',
  component: 'DreamGallery',
  summary:
    'per unit, an image optimised to excite it (its value before the non-linearity), with the activation reached',
  props: z.object({
    model: modelProp,
    layer: z.string().describe('Conv layer whose units are dreamed (its value before the non-linearity is maximised).'),
    channels: z
      .array(z.number().int().nonnegative())
      .min(1)
      .describe('Units (channels) to dream, in order; the CPU profile keeps the first few.'),
    seed: seedProp,
    size: sizeProp,
    steps: stepsProp,
    whenFetched: z.boolean().default(false).describe("Show only when the layer's weights are fetched."),
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' }, whenFetched: p.whenFetched }),
  toRecipe: (p, context) => ({
    kind: 'dream-gallery',
    ...optimisationBase(p, context),
    layer: p.layer,
    channels: p.channels.slice(0, context.profile.dream.maxUnits),
  }),
  check: (recipe, context) => checkChannels(recipe, context),
  cost: (recipe) => optimisationCost(recipe, recipe.channels.length),
});
