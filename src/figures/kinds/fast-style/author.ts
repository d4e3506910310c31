/** <FastStyle />: props, names, the recipe (the build profile's size unless the author fixes one). */
import { z } from 'zod';
import { defineAuthoring, imageRef } from '../../contract/authoring.ts';
import { contentImageProp, FAST_STYLES } from '../../common/style-props.ts';

export const fastStyleAuthoring = defineAuthoring({
  kind: 'fast-style',
  component: 'FastStyle',
  summary: 'the photo through the fast style networks, one pass each, and a picker that runs one at up to 512 px',
  props: z.object({
    image: contentImageProp,
    styles: z
      .array(z.enum(FAST_STYLES))
      .min(1)
      .default([...FAST_STYLES])
      .describe('Fast-style networks to show, in order.'),
    maxSide: z
      .number()
      .int()
      .min(32)
      .max(1024)
      .optional()
      .describe("Longest side of each result (default: the build profile's)."),
  }),
  names: (p) => ({ images: [p.image] }),
  toRecipe: (p, context) => {
    const styles = p.styles.map((s) => `fast-style-${s}`);
    const image = imageRef(p.image ?? context.photo);
    const maxSide = p.maxSide ?? context.profile.style.fastMaxSide;
    return { kind: 'fast-style', model: styles[0]!, styles, image, maxSide, profile: context.profile.name };
  },
  // A fast-style network costs about 15 Tiny Darknet passes at 224x224.
  cost: (recipe) => recipe.styles.length * 15 * ((recipe.maxSide * recipe.maxSide) / (224 * 224)),
});
