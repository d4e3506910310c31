/** <InputPhoto maxSide={224} />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { imageProp } from '../../common/props.ts';

export const inputPhotoAuthoring = defineAuthoring({
  kind: 'input-photo',
  component: 'InputPhoto',
  summary: "the photo the figures read (the article's, or the reader's once given), at most maxSide pixels a side",
  props: z.object({
    image: imageProp,
    maxSide: z.number().int().min(16).max(1024).default(224).describe('Longest side in pixels (never enlarged).'),
  }),
  names: (p) => ({ images: [p.image] }),
  toRecipe: (p, context) => ({ kind: 'input-photo', image: imageRef(p.image ?? context.photo), maxSide: p.maxSide }),
  cost: () => 0.05,
});
