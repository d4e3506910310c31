/** <FilterSlide>: one first-layer filter stepped across a patch of the photo, and its whole output map. */
import type { PatchBox, ValueRange } from '../../../engine/index.ts';
import type { UnitWindow } from '../../common/conv-arithmetic.ts';
import type { PhotoRecipeBase } from '../../common/recipe-parts.ts';

export interface FilterSlideRecipe extends PhotoRecipeBase {
  kind: 'filter-slide';
  /** The first conv layer (it reads the photo's three channels). */
  layer: string;
  /** The filter (output channel) shown. */
  channel: number;
  /** The output positions the filter is stepped across. */
  patch: PatchBox;
}

export interface FilterSlideData {
  /** Kernel, bias, activation and the input under the patch: everything to redo the arithmetic. */
  window: UnitWindow;
  /** The kernel and bias have a batch norm folded in. */
  batchNormFolded: boolean;
  patch: PatchBox;
  /** The layer's output size [height, width]. */
  outputSize: [number, number];
  /** The layer's own output over the patch, row-major (what the hand arithmetic must land on). */
  outputs: number[];
  /** Each patch position's colour on the whole map (CSS hex), row-major. */
  colours: string[];
  /** The channel's range over the whole photo (the map's colour scale). */
  range: ValueRange;
}
