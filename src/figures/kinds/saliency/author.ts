/** <SaliencyMap method="guided-backprop" class="tabby" />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import {
  attributionNames,
  checkTarget,
  methodCost,
  methodProp,
  methodSettingProps,
  targetProps,
  toMethodSpec,
  toTarget,
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
    const target = toTarget(p, context);
    return {
      kind: 'saliency',
      model: p.model,
      image: imageRef(p.image ?? context.photo),
      resize: p.resize,
      target,
      method: toMethodSpec(p.method, p, target, context),
      profile: context.profile.name,
    };
  },
  check: (recipe, context) => checkTarget(recipe.target, [recipe.method], recipe.model, context),
  cost: (recipe) => methodCost(recipe.method),
});
