/** <OcclusionMap window={32} stride={16} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import {
  attributionBase,
  attributionNames,
  checkTarget,
  methodCost,
  methodSettingProps,
  targetProps,
} from '../../common/attribution/props.ts';

const { window, stride, patch } = methodSettingProps;

export const OcclusionMapProps = z.object({ ...targetProps, window, stride, patch });

export const occlusionAuthoring = defineAuthoring({
  kind: 'occlusion',
  component: 'OcclusionMap',
  summary:
    'occlusion sensitivity: how much the target drops as a grey (or blurred) patch covers each part of the photo',
  props: OcclusionMapProps,
  names: (p) => attributionNames(p),
  toRecipe: (p, context) => ({
    kind: 'occlusion',
    ...attributionBase(p, context),
    window: p.window,
    stride: p.stride,
    patch: p.patch,
  }),
  check: (recipe, context) => checkTarget(recipe.target, [], recipe.model, context),
  cost: (recipe) => methodCost({ method: 'occlusion', stride: recipe.stride }),
});
