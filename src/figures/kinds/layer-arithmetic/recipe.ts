/** <LayerArithmetic>: a layer's sizes and parameter count from its shape alone (no model, no photo). */
import type { LayerArithmetic, LayerSpec } from './arithmetic.ts';

/** The layer as the author starts it; the reader changes its numbers on the page. */
export interface LayerArithmeticRecipe extends LayerSpec {
  kind: 'layer-arithmetic';
}

export type LayerArithmeticData = LayerArithmetic;
