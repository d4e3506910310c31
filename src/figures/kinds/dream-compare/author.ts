/** <NaiveVsRecipe layer="conv2d_6" channel={8} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { checkChannels } from '../../common/channels.ts';
import { optimisationBase, optimisationCost } from '../../common/dream-props.ts';
import { modelProp, seedProp, sizeProp, stepsProp } from '../../common/props.ts';

export const naiveVsRecipe = defineAuthoring({
  kind: 'dream-compare',
  component: 'NaiveVsRecipe',
  summary: 'naive pixel ascent beside the recipe, same unit, steps and seed',
  props: z.object({
    model: modelProp,
    layer: z.string().describe('Conv layer whose units are dreamed (its value before the non-linearity is maximised).'),
    channel: z.number().int().nonnegative().describe('The unit compared.'),
    seed: seedProp,
    size: sizeProp,
    steps: stepsProp,
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' } }),
  toRecipe: (p, context) => ({
    kind: 'dream-compare',
    ...optimisationBase(p, context),
    layer: p.layer,
    channel: p.channel,
  }),
  check: (recipe, context) => checkChannels({ ...recipe, channels: [recipe.channel] }, context),
  cost: (recipe) => optimisationCost(recipe, 2),
});
