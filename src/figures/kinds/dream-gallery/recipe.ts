/** <DreamGallery>: per unit of a layer, an image optimised to excite it (its value before the non-linearity). */
import type { DreamTilesData, OptimisationRecipeBase } from '../../common/recipe-parts.ts';

export interface DreamGalleryRecipe extends OptimisationRecipeBase {
  kind: 'dream-gallery';
  layer: string;
  channels: number[];
}

export type DreamGalleryData = DreamTilesData;
