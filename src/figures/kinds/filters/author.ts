/** <FilterGallery layer="conv2d_1" />: props, what they name, the recipe. */
import { z } from 'zod';
import { defineAuthoring } from '../../contract/authoring.ts';
import { layerProp, modelProp, whenFetchedProp } from '../../common/props.ts';

export const filterGallery = defineAuthoring({
  kind: 'filters',
  component: 'FilterGallery',
  summary: 'the learned filters of a conv layer: colour for 3-channel ones, one grey tile per input channel otherwise',
  props: z.object({
    model: modelProp,
    layer: layerProp,
    columns: z.number().int().positive().max(64).default(16).describe('Tiles per row.'),
    whenFetched: whenFetchedProp,
  }),
  names: (p) => ({ model: p.model, layers: { names: [p.layer], only: 'conv' }, whenFetched: p.whenFetched }),
  toRecipe: (p) => ({ kind: 'filters', model: p.model, layer: p.layer, columns: p.columns }),
  cost: () => 0.2,
});
