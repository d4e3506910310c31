/** <FilterGallery>: a conv layer's learned filters (batch norm folded in), as tiles. */
import type { AtlasData } from '../../common/recipe-parts.ts';

export interface FiltersRecipe {
  kind: 'filters';
  model: string;
  layer: string;
  /** Tiles per row. */
  columns: number;
}

export interface FiltersData {
  atlas: AtlasData;
  /** 'rgb': one colour tile per filter (3 input channels); 'grey': one tile per filter and input channel. */
  mode: 'rgb' | 'grey';
  inputChannels: number;
  /** Largest absolute weight of the layer (drawn as white or full colour). */
  scale: number;
}
