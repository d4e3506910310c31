/** <EmbeddingMap>: the set laid out in 2-D by its features, with the photo placed among it. */
import type { LayoutMethod } from '../../../engine/index.ts';
import type { SetMember, SetRecipeBase } from '../../common/image-set/recipe.ts';

export interface EmbeddingMapRecipe extends SetRecipeBase {
  kind: 'embedding-map';
  /** One map per method, side by side. */
  methods: LayoutMethod[];
  /** Neighbours the photo is placed among (and linked to). */
  k: number;
}

export interface MapPanel {
  method: LayoutMethod;
  /** The photo's place on this map. */
  reader: { x: number; y: number };
}

export interface EmbeddingMapData {
  layer: string;
  panels: MapPanel[];
  /** The photo's nearest images in feature space (the ones it is placed among), most similar first. */
  neighbours: SetMember[];
  /** Colour of each category, as the map draws it. */
  colours: Record<string, string>;
  /** Side of one map panel in the image, and the image's size. */
  panel: number;
  width: number;
  height: number;
}
