/** <StyleGrid style="styles/starrynight.jpg" rows={[["block1_conv1"], ...]} />: props, names, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { gatysCost, styleBase, styleNames } from '../../common/style-author.ts';
import * as p from '../../common/style-props.ts';

export const styleGridAuthoring = defineAuthoring({
  kind: 'style-grid',
  component: 'StyleGrid',
  summary:
    "Gatys et al. per row, snapshots of one run per column; columns above the build profile's cap are dropped and the recipe says so",
  props: z.object({
    model: p.vggModelProp,
    image: p.contentImageProp,
    style: p.styleProp,
    rows: z
      .array(p.layerListProp)
      .min(1)
      .describe('Style layer sets, one per row, e.g. [["block1_conv1"], ["block1_conv1", "block2_conv1"]].'),
    iterations: z
      .array(z.number().int().min(1).max(10000))
      .min(1)
      .default([10, 100, 1000])
      .describe(
        "Iteration counts of the columns (snapshots of each row's run); counts above the build profile's cap are dropped and the figure says so.",
      ),
    contentLayer: p.contentLayerProp,
    contentWeight: p.contentWeightProp,
    styleWeight: p.styleWeightProp,
    tvWeight: p.tvWeightProp,
    maxSide: p.maxSideProp,
    whenFetched: p.styleWhenFetchedProp,
  }),
  names: (props) => styleNames(props, [props.contentLayer, ...props.rows.flat()], props.whenFetched),
  toRecipe: (props, context) => {
    const cap = context.profile.style.maxIterations;
    const asked = [...new Set(props.iterations)].sort((a, b) => a - b);
    const kept = asked.filter((n) => n <= cap);
    const iterations = kept.length ? kept : [cap];
    const { contentLayer, contentWeight, styleWeight, tvWeight, rows } = props;
    return {
      kind: 'style-grid',
      ...styleBase(props, context),
      contentLayer,
      contentWeight,
      styleWeight,
      tvWeight,
      rows,
      iterations,
      droppedIterations: asked.filter((n) => !iterations.includes(n)),
    };
  },
  cost: (recipe) => gatysCost(recipe, recipe.rows.length * recipe.iterations.at(-1)!),
  onDemand: true,
});
