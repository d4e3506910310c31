/** <TopPatches layer="conv2d_10" units={[3, 17]} />: props and the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { layerProp } from '../../common/props.ts';
import { setFigureProps, setRecipeBase } from '../../common/image-set/authoring.ts';

export const topPatchesAuthoring = defineAuthoring({
  kind: 'top-patches',
  component: 'TopPatches',
  summary: "for chosen units of a conv layer, the set's patches that excite each most, and the photo's rank",
  props: z.object({
    ...setFigureProps,
    layer: layerProp,
    units: z.array(z.number().int().nonnegative()).min(1).max(8).describe('Channels of the layer, one row each.'),
    k: z.number().int().min(1).max(8).default(5).describe('Patches per unit, one per image of the set.'),
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' }, images: [p.image] }),
  toRecipe: (p, context) => ({
    kind: 'top-patches',
    ...setRecipeBase(p, context),
    units: p.units,
    k: p.k,
  }),
  check: (recipe, context) => {
    const channels = context.channelCount(recipe.model, recipe.layer);
    return recipe.units
      .filter((u) => u >= channels)
      .map((u) => `unit ${u} is past the end of ${recipe.layer}, which has channels 0 to ${channels - 1}`);
  },
  cost: (recipe) => 1 + recipe.units.length * (recipe.k + 1) * 0.4,
});
