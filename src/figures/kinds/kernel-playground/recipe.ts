/** <KernelPlayground>: the photo through a hand-made 3x3 kernel, beside a learned first-layer filter's map. */
import type { Activation, AtlasLayout, KernelDrawing, ValueRange } from '../../../engine/index.ts';
import type { Block } from '../../common/conv-arithmetic.ts';
import type { PhotoRecipeBase } from '../../common/recipe-parts.ts';
import type { KernelName } from './presets.ts';

export interface KernelPlaygroundRecipe extends PhotoRecipeBase {
  kind: 'kernel-playground';
  /** The hand-made kernel applied: nine weights, row-major (a preset's, or the reader's own live). */
  kernel: number[];
  /** The presets the figure offers, in order. */
  kernels: KernelName[];
  /** The first conv layer (it reads the photo). */
  layer: string;
  /** The learned filter (output channel) set beside the hand-made kernel. */
  channel: number;
}

/** The three tiles of the figure's image, left to right. */
export const TILES = ['grey', 'hand', 'learned'] as const;

export interface KernelPlaygroundData {
  /** The atlas: the grey photo, the hand-made kernel's output, the learned filter's map (no gap). */
  layout: AtlasLayout;
  /** The kernel applied (the recipe's) and how its output is drawn. */
  kernel: number[];
  drawing: KernelDrawing;
  /** The hand-made kernel's output range over the photo. */
  range: ValueRange;
  learned: {
    /** The learned filter, [kh, kw, cin] (batch norm folded in where the layer has one). */
    kernel: Block;
    bias: number;
    batchNormFolded: boolean;
    activation: Activation;
    /** The channel's range over the photo (its map's viridis scale). */
    range: ValueRange;
    /** The map's size [height, width]: the photo's, or smaller where the layer does not pad. */
    mapSize: [number, number];
  };
}
