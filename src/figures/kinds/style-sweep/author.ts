/** <StyleSweep style="styles/starrynight.jpg" ratios={[1e3, 1e5, 1e7]} />: props, names, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { gatysCost, styleBase, styleNames } from '../../common/style-author.ts';
import * as p from '../../common/style-props.ts';

export const styleSweepAuthoring = defineAuthoring({
  kind: 'style-sweep',
  component: 'StyleSweep',
  summary: 'the same optimisation with different content/style weight ratios',
  props: z.object({
    model: p.vggModelProp,
    image: p.contentImageProp,
    style: p.styleProp,
    styleLayers: p.layerListProp.default(p.CLASSIC_STYLE_LAYERS).describe('Style layers (each weighted equally).'),
    ratios: z
      .array(z.number().positive())
      .min(1)
      .default([1e3, 1e5, 1e7])
      .describe('Content/style weight ratios of the columns (the style weight stays fixed).'),
    iterations: z
      .number()
      .int()
      .min(1)
      .max(10000)
      .default(100)
      .describe('Iterations of every column (capped by the build profile).'),
    contentLayer: p.contentLayerProp,
    styleWeight: p.styleWeightProp,
    tvWeight: p.tvWeightProp,
    maxSide: p.maxSideProp,
  }),
  names: (props) => styleNames(props, [props.contentLayer, ...props.styleLayers]),
  toRecipe: (props, context) => ({
    kind: 'style-sweep',
    ...styleBase(props, context),
    contentLayer: props.contentLayer,
    styleWeight: props.styleWeight,
    tvWeight: props.tvWeight,
    styleLayers: props.styleLayers,
    contentWeights: props.ratios.map((r) => r * props.styleWeight),
    iterations: Math.min(props.iterations, context.profile.style.maxIterations),
  }),
  cost: (recipe) => gatysCost(recipe, recipe.contentWeights.length * recipe.iterations),
  onDemand: true,
});
