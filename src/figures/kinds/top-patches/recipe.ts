/** <TopPatches>: for chosen units of a layer, the set's image patches that excite each most, and the photo's. */
import type { SetMember, SetRecipeBase } from '../../common/image-set/recipe.ts';

export interface TopPatchesRecipe extends SetRecipeBase {
  kind: 'top-patches';
  /** Channels of the layer, one row each. */
  units: number[];
  /** Patches per unit (one per image). */
  k: number;
}

export interface PatchRow {
  unit: number;
  /** The set's images whose peak activation of the unit is highest, highest first (score: that peak). */
  patches: SetMember[];
  /** The photo's peak, and its rank among the set's images (1: it beats them all), out of `of`. */
  reader: { value: number; rank: number; of: number };
}

export interface TopPatchesData {
  layer: string;
  /** Receptive field side in input pixels (the window each patch shows). */
  field: number;
  rows: PatchRow[];
  tile: number;
  gap: number;
  width: number;
  height: number;
}
