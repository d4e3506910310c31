/** <SanityCheck methods={["gradient", "guided-backprop"]} depth={4} />: props, what they name, the recipe. */
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

export const SanityCheckProps = z.object({
  ...targetProps,
  methods: z
    .array(methodProp)
    .min(1)
    .max(6)
    .default(['gradient', 'guided-backprop', 'grad-cam', 'integrated-gradients'])
    .describe('Methods to test, one row each.'),
  depth: z
    .number()
    .int()
    .min(1)
    .max(40)
    .default(4)
    .describe('Layers randomised by the last column, from the top down (capped by the build profile).'),
  seed: z.number().int().nonnegative().default(0).describe('Seed of the random weights.'),
  ...methodSettingProps,
});

export const sanityCheckAuthoring = defineAuthoring({
  kind: 'sanity-check',
  component: 'SanityCheck',
  summary: "the model-randomisation sanity check: each method's map as layers are randomised, with Spearman's rho",
  props: SanityCheckProps,
  names: (p) => attributionNames(p),
  toRecipe: (p, context) => ({
    kind: 'sanity-check',
    ...attributionWithMethods(p, context),
    depth: Math.min(p.depth, context.profile.attribution.maxCascadeDepth),
    seed: p.seed,
  }),
  check: (recipe, context) => checkTarget(recipe.target, recipe.methods, recipe.model, context),
  cost: (recipe) => (recipe.depth + 1) * recipe.methods.reduce((sum, m) => sum + methodCost(m), 0),
  onDemand: true,
});
