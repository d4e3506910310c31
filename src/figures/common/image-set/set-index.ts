/**
 * An image set seen by one layer of one model: every image's feature vector, its channels' peaks (conv
 * layers), its pixel-space vector, and the set's 2-D maps. Computed once at build time (umap-js runs only
 * there) and shipped as JSON, so a reader's photo is compared with the set and placed on the same map
 * without re-running the network over the whole set in the browser.
 */
import type { LayoutMethod } from '../../../engine/index.ts';

export interface SetIndexRequest {
  /** The image set's pack id ("images-corpus"). */
  set: string;
  model: string;
  /** A conv layer (features are its channel means) or the logits ("logits" or the layer's own name). */
  layer: string;
}

export interface SetImage {
  ref: string;
  caption: string;
  category: string;
  /** What "the same kind of image" means: the subcategory where the set gives one, else the category. */
  group: string;
}

export interface SetIndex extends SetIndexRequest {
  images: SetImage[];
  /** Feature vectors, one row per image. */
  dim: number;
  features: Float32Array;
  /** Per image and channel: the peak value and its position (conv layers only). */
  peaks?: { grid: [number, number]; channels: number; values: Float32Array; positions: Uint32Array };
  /** Pixel-space vectors: each image at 32x32 RGB, bytes, one row per image. */
  pixels: Uint8Array;
  /** 2-D maps, [x0, y0, x1, y1, ...]. */
  layouts: Record<LayoutMethod, Float32Array>;
}

/** The index's file name, the same in the build's cache and on the site: "<set>--<model>--<layer>.json". */
export function setIndexFile(request: SetIndexRequest): string {
  return `${request.set}--${request.model}--${request.layer.replace(/[^a-z0-9_-]/gi, '_')}.json`;
}

/** Folder of the set indexes under the figures' files (cache and site). */
export const SET_INDEX_FOLDER = 'sets';
