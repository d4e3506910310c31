/** <SaliencyMethods methods={["gradient", "grad-cam"]} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import {
  attributionWithMethods,
  attributionNames,
  checkTarget,
  methodCost,
  methodProp,
  methodSettingProps,
  targetProps,
} from '../../common/attribution/props.ts';

export const SaliencyMethodsProps = z.object({
  ...targetProps,
  methods: z
    .array(methodProp)
    .min(1)
    .max(8)
    .default(['gradient', 'guided-backprop', 'grad-cam', 'integrated-gradients'])
    .describe('Methods to show side by side, in order (each takes the settings below).'),
  columns: z.number().int().min(1).max(8).default(4).describe('Maps per row.'),
  ...methodSettingProps,
});

export const saliencyCompareAuthoring = defineAuthoring({
  kind: 'saliency-compare',
  component: 'SaliencyMethods',
  summary: 'attribution methods side by side for one photo and one target, drawn the same way',
  props: SaliencyMethodsProps,
  names: (p) => attributionNames(p),
  toRecipe: (p, context) => ({
    kind: 'saliency-compare',
    ...attributionWithMethods(p, context),
    columns: Math.min(p.columns, p.methods.length),
  }),
  check: (recipe, context) => checkTarget(recipe.target, recipe.methods, recipe.model, context),
  cost: (recipe) => recipe.methods.reduce((sum, m) => sum + methodCost(m), 0),
});
