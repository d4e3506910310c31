/** <ClassDream classes={[0, "tabby"]} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { classDisplayName, classesProp, labelIsShared, resolveClassProp } from '../../common/classes.ts';
import { optimisationBase, optimisationCost } from '../../common/dream-props.ts';
import { modelProp, seedProp, sizeProp, stepsProp } from '../../common/props.ts';

export const classDreamAuthoring = defineAuthoring({
  kind: 'class-dream',
  component: 'ClassDream',
  summary: 'per class, an image optimised for its score before the softmax',
  props: z.object({
    model: modelProp,
    classes: classesProp.describe(
      'Classes to dream, each as its output index or its name ("tabby", "crane (n02012849)").',
    ),
    seed: seedProp,
    size: sizeProp,
    steps: stepsProp,
  }),
  // The classes are checked with the names, not in `check`: the recipe holds indexes only, so by then a
  // misspelt name would be lost, and the message could not quote what the author wrote or suggest a fix.
  // Checked here, an index past the end, an unknown name and an ambiguous one are each reported as written,
  // and `toRecipe` only ever sees classes that resolve.
  names: (p) => ({ model: p.model, logits: true, classes: p.classes }),
  toRecipe: (p, context) => {
    const classes = p.classes
      .slice(0, context.profile.dream.maxUnits)
      .map((c) => resolveClassProp(c, context, p.model));
    // The engine labels tiles with the model's labels alone; where a label is shared (two "crane"), the
    // recipe carries every tile's name with the WordNet id. Other recipes stay as they were.
    const labels = context.classLabels(p.model);
    const shared = classes.some((c) => labelIsShared(c, labels));
    return {
      kind: 'class-dream',
      ...optimisationBase(p, context),
      classes,
      ...(shared ? { labels: classes.map((c) => classDisplayName(c, labels)) } : {}),
    };
  },
  cost: (recipe) => optimisationCost(recipe, recipe.classes.length),
});
