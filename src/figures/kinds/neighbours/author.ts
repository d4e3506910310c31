/** <NearestNeighbours k={5} />: props and the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { featureLayerProp, neighbourCountProp } from '../../common/image-set/props.ts';
import { setFigureProps, setNames, setRecipeBase } from '../../common/image-set/authoring.ts';

export const neighboursAuthoring = defineAuthoring({
  kind: 'neighbours',
  component: 'NearestNeighbours',
  summary: "the set's images nearest the photo in feature space, beside the nearest in pixel space",
  props: z.object({
    ...setFigureProps,
    layer: featureLayerProp,
    k: neighbourCountProp,
    pixels: z.boolean().default(true).describe('Also show the nearest images in pixel space, for comparison.'),
  }),
  names: (p) => setNames(p),
  toRecipe: (p, context) => ({
    kind: 'neighbours',
    ...setRecipeBase(p, context),
    k: p.k,
    pixels: p.pixels,
  }),
  cost: (recipe) => 1 + recipe.k * 0.1,
});
