/** <EmbeddingMap methods={["pca", "umap"]} />: props and the recipe. */
import { z } from 'zod';
import { embedding, type LayoutMethod } from '../../../engine/index.ts';
import { defineAuthoring } from '../../contract/authoring.ts';
import { featureLayerProp, neighbourCountProp } from '../../common/image-set/props.ts';
import { setFigureProps, setNames, setRecipeBase } from '../../common/image-set/authoring.ts';

const METHODS = embedding.LAYOUT_METHODS as [LayoutMethod, ...LayoutMethod[]];

export const embeddingMapAuthoring = defineAuthoring({
  kind: 'embedding-map',
  component: 'EmbeddingMap',
  summary: 'the image set laid out in 2-D by its features (PCA, UMAP), with the photo placed among it',
  props: z.object({
    ...setFigureProps,
    layer: featureLayerProp,
    methods: z
      .array(z.enum(METHODS))
      .min(1)
      .max(2)
      .default(['umap'])
      .describe('Maps to draw side by side: "pca" (linear), "umap" (keeps neighbourhoods), or both.'),
    k: neighbourCountProp,
  }),
  names: (p) => setNames(p),
  toRecipe: (p, context) => ({
    kind: 'embedding-map',
    ...setRecipeBase(p, context),
    methods: p.methods,
    k: p.k,
  }),
  cost: () => 1,
});
