/** <GramMatrix>: Gram matrices of one layer for the photo and the painting, on their first channels. */
import type { AtlasLayout } from '../../../engine/index.ts';

export interface GramRecipe {
  kind: 'gram';
  model: string;
  layer: string;
  image: string;
  style: string;
  channels: number;
  /** Side both images are resized to (center-crop) before the forward pass. */
  size: number;
}

export interface GramData {
  layer: string;
  /** Channels shown (the first n of the layer). */
  channels: number;
  /** Row-major n x n Gram entries of the photo and of the painting. */
  photo: number[];
  painting: number[];
  /** The colour scale: sqrt(value / max), max shared by both matrices so they compare. */
  max: number;
  layout: AtlasLayout;
}
