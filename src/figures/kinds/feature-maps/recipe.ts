/** <FeatureMapGrid>: every chosen channel of a layer's output for a photo, one tile per channel. */
import type { AtlasData, PhotoRecipeBase } from '../../common/recipe-parts.ts';

export interface FeatureMapsRecipe extends PhotoRecipeBase {
  kind: 'feature-maps';
  layer: string;
  /** Channels drawn, in order. */
  channels: number[];
  /** Tiles per row. */
  columns: number;
}

export interface FeatureMapsData {
  atlas: AtlasData;
}
