/** <FaithfulnessCurves methods={["gradient", "grad-cam"]} />: props, what they name, the recipe. */
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

export const FaithfulnessCurvesProps = z.object({
  ...targetProps,
  methods: z
    .array(methodProp)
    .min(1)
    .max(6)
    .default(['gradient', 'guided-backprop', 'grad-cam', 'integrated-gradients'])
    .describe('Methods whose maps are tested, each a curve.'),
  stepShare: z.number().min(0.005).max(0.5).default(0.02).describe('Share of the pixels taken per step (RISE: 0.02).'),
  ...methodSettingProps,
});

export const faithfulnessAuthoring = defineAuthoring({
  kind: 'faithfulness',
  component: 'FaithfulnessCurves',
  summary: "deletion and insertion curves (RISE) of each method's map, with the areas under them",
  props: FaithfulnessCurvesProps,
  names: (p) => attributionNames(p),
  toRecipe: (p, context) => ({
    kind: 'faithfulness',
    ...attributionWithMethods(p, context),
    stepShare: p.stepShare,
  }),
  check: (recipe, context) => checkTarget(recipe.target, recipe.methods, recipe.model, context),
  cost: (recipe) => recipe.methods.reduce((sum, m) => sum + methodCost(m) + 2 / recipe.stepShare, 0),
  onDemand: true,
});
