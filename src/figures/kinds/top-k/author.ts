/** <TopK k={5} />: props and the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { imageProp, modelProp, resizeProp } from '../../common/props.ts';

export const topKAuthoring = defineAuthoring({
  kind: 'top-k',
  component: 'TopK',
  summary: "the model's k best guesses with probabilities",
  props: z.object({
    model: modelProp,
    image: imageProp,
    k: z.number().int().min(1).max(20).default(5).describe('How many classes to list.'),
    resize: resizeProp,
  }),
  names: (p) => ({ model: p.model, images: [p.image] }),
  toRecipe: (p, context) => ({
    kind: 'top-k',
    model: p.model,
    image: imageRef(p.image ?? context.photo),
    resize: p.resize,
    k: p.k,
  }),
  cost: () => 0.2,
});
