/** <ClassDream classes={[0, 947]} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { optimisationBase, optimisationCost } from '../../common/dream-props.ts';
import { modelProp, seedProp, sizeProp, stepsProp } from '../../common/props.ts';

export const classDreamAuthoring = defineAuthoring({
  kind: 'class-dream',
  component: 'ClassDream',
  summary: 'per class, an image optimised for its score before the softmax',
  props: z.object({
    model: modelProp,
    classes: z.array(z.number().int().nonnegative()).min(1).describe('Output indexes of the classes to dream.'),
    seed: seedProp,
    size: sizeProp,
    steps: stepsProp,
  }),
  names: (p) => ({ model: p.model, logits: true }),
  toRecipe: (p, context) => ({
    kind: 'class-dream',
    ...optimisationBase(p, context),
    classes: p.classes.slice(0, context.profile.dream.maxUnits),
  }),
  check: (recipe, context) => {
    const outputs = context.classCount(recipe.model);
    const bad = recipe.classes.filter((c) => c >= outputs);
    return bad.length
      ? [`class ${bad.join(', ')} does not exist in ${recipe.model}; valid classes: 0-${outputs - 1}`]
      : [];
  },
  cost: (recipe) => optimisationCost(recipe, recipe.classes.length),
});
