/** <NearestNeighbours>: the set's images nearest the photo in feature space, and in pixel space beside them. */
import type { SetMember, SetRecipeBase } from '../../common/image-set/recipe.ts';

export interface NeighboursRecipe extends SetRecipeBase {
  kind: 'neighbours';
  k: number;
  /** Also show the nearest in pixel space (32x32 RGB in [0, 1], Euclidean distance). */
  pixels: boolean;
}

export interface NeighboursData {
  /** The layer read ("logits" resolved to its name). */
  layer: string;
  /** Nearest by cosine similarity of the features, most similar first. */
  feature: SetMember[];
  /** Nearest by Euclidean distance of the 32x32 pixels, nearest first. */
  pixel: SetMember[];
  /** Tile side and gap of the image: a row per space, the photo first. */
  tile: number;
  gap: number;
  width: number;
  height: number;
}
