/** <GatysPanel style="styles/starrynight.jpg" />: props, names, the recipe, and the layers the panel offers. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { gatysCost, styleBase, styleNames } from '../../common/style-author.ts';
import * as p from '../../common/style-props.ts';

export const GatysPanelProps = z.object({
  model: p.vggModelProp,
  image: p.contentImageProp,
  style: p.styleProp,
  styleLayers: p.layerListProp
    .default(p.CLASSIC_STYLE_LAYERS)
    .describe('Style layers the panel starts with (the reader can change them).'),
  iterations: z
    .number()
    .int()
    .min(1)
    .max(10000)
    .default(100)
    .describe('Iterations the panel starts with (the precomputed image is capped by the build profile).'),
  contentLayer: p.contentLayerProp,
  contentWeight: p.contentWeightProp,
  styleWeight: p.styleWeightProp,
  tvWeight: p.tvWeightProp,
  maxSide: p.maxSideProp,
});

export const gatysPanelAuthoring = defineAuthoring({
  kind: 'gatys',
  component: 'GatysPanel',
  summary:
    'a live optimisation the reader steers (style layers and their weights, content layer, weights, iterations; frames stream; Stop)',
  props: GatysPanelProps,
  names: (props) => styleNames(props, [props.contentLayer, ...props.styleLayers]),
  toRecipe: (props, context) => ({
    kind: 'gatys',
    ...styleBase(props, context),
    contentLayer: props.contentLayer,
    contentWeight: props.contentWeight,
    styleWeight: props.styleWeight,
    tvWeight: props.tvWeight,
    styleLayers: props.styleLayers,
    iterations: Math.min(props.iterations, context.profile.style.maxIterations),
  }),
  cost: (recipe) => gatysCost(recipe, recipe.iterations),
  // The panel offers every conv layer whose weights the site has: the page loads VGG19 that deep, once.
  liveLayers: (recipe, context) => ({ [recipe.model]: context.fetchedConvLayers(recipe.model) }),
  onDemand: true,
});
