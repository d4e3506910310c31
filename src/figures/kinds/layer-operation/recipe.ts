/** <LayerOperation op="relu|leaky-relu|max-pool|softmax">: one layer operation on real numbers from the photo. */
import type { Prediction } from '../../../engine/index.ts';
import type { Block, UnitActivation } from '../../common/conv-arithmetic.ts';
import type { PhotoRecipeBase } from '../../common/recipe-parts.ts';

export const LAYER_OPS = ['relu', 'leaky-relu', 'max-pool', 'softmax'] as const;
export type LayerOp = (typeof LAYER_OPS)[number];

export interface LayerOperationRecipe extends PhotoRecipeBase {
  kind: 'layer-operation';
  op: LayerOp;
  /** The conv layer (relu, leaky-relu) or the pool (max-pool); unused by softmax. */
  layer: string;
  channel: number;
  /** Top-left of the 4x4 patch of the map (max-pool: aligned down to the pool's stride). */
  x: number;
  y: number;
  /** Classes listed (softmax). */
  k: number;
}

/** A non-linearity or a pool on a 4x4 patch of a real map. */
export interface MapOperationData {
  op: 'relu' | 'leaky-relu' | 'max-pool';
  /** The layer read: the value before the non-linearity, or the pool's input. */
  inputLayer: string;
  x: number;
  y: number;
  input: Block;
  /** The model's own values: the patch after the non-linearity, or the pooled windows (row-major). */
  model: number[];
  activation: UnitActivation;
  pool: { size: [number, number]; strides: [number, number] } | null;
}

export interface SoftmaxData {
  op: 'softmax';
  /** Every class's score before the softmax. */
  logits: number[];
  /** The model's own k most likely classes (the figure's rows). */
  top: Prediction[];
}

export type LayerOperationData = MapOperationData | SoftmaxData;
