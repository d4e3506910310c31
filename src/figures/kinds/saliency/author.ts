/** <SaliencyMap method="guided-backprop" class="tabby" />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import {
  attributionBase,
  attributionNames,
  checkTarget,
  methodCost,
  methodProp,
  methodSettingProps,
  targetProps,
  toMethodSpecs,
} from '../../common/attribution/props.ts';

export const SaliencyMapProps = z.object({
  ...targetProps,
  method: methodProp.default('gradient'),
  ...methodSettingProps,
});

export const saliencyAuthoring = defineAuthoring({
  kind: 'saliency',
  component: 'SaliencyMap',
  summary: "one attribution method's map over the photo, for a class or a unit, with a colour bar",
  props: SaliencyMapProps,
  names: (p) => attributionNames(p),
  toRecipe: (p, context) => {
    const base = attributionBase(p, context);
    return { kind: 'saliency', ...base, method: toMethodSpecs([p.method], p, base, context)[0]! };
  },
  check: (recipe, context) => checkTarget(recipe.target, [recipe.method], recipe.model, context),
  cost: (recipe) => methodCost(recipe.method),
});
