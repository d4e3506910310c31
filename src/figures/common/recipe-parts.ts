/** Recipe fields several kinds share. Plain types: recipes travel as JSON to the cache, the page and the worker. */
import type { AtlasLayout, ResizeMode, ValueRange } from '../../engine/index.ts';

/** A figure of one photo through one model. */
export interface PhotoRecipeBase {
  /** Registered model id. */
  model: string;
  /** Image as "<pack>/<file>" (e.g. "images-photos/chelsea.png"); a reader's photo replaces it. */
  image: string;
  /** How the photo is fitted to the model's input. */
  resize: ResizeMode;
}

/** An atlas of tiles and what each tile shows. */
export interface AtlasData {
  layout: AtlasLayout;
  /** Channel (or filter tile) index drawn in each tile, in tile order. */
  channels: number[];
  /** Value range of each tile, in tile order (feature maps: activations; filters: the layer's weight scale). */
  ranges: ValueRange[];
  /** The layer's full output shape [h, w, c] (filters: the kernel's [kh, kw, cin, cout]). */
  layerShape: number[];
}

/** An activation-maximisation figure: image size, steps, seed, and the build profile that chose them. */
export interface OptimisationRecipeBase {
  model: string;
  /** Image side in pixels. */
  size: number;
  /** Optimisation steps. */
  steps: number;
  /** Seed of every random draw (initial image, transforms). */
  seed: number;
  /** Build profile that set size and steps ('gpu' or 'cpu'), for the recipe card. */
  profile: string;
}

/** A gallery of optimised images, one tile each, with what each reached. */
export interface DreamTilesData {
  layout: AtlasLayout;
  labels: string[];
  /** The objective each tile reached, measured without transforms. */
  objectives: number[];
  stepsPerSecond: number;
}

/** The Gatys loss: which layer carries content, and how the terms are weighed. */
export interface GatysSettings {
  /** Layer whose activations the result must keep from the photo. */
  contentLayer: string;
  /** Weight of the content term (TensorFlow tutorial: 1e4). */
  contentWeight: number;
  /** Weight of the style term (TensorFlow tutorial: 1e-2). */
  styleWeight: number;
  /** Weight of the total-variation term, which keeps the result smooth (TensorFlow tutorial: 30). */
  tvWeight: number;
}

/** A style-transfer figure of a photo and a painting. */
export interface StyleRecipeBase {
  /** The network the losses are measured with (vgg19). */
  model: string;
  /** Content photo as "<pack>/<file>"; a reader's photo replaces it. */
  image: string;
  /** Painting as "<pack>/<file>". */
  style: string;
  /** Longest side of the result in pixels (the build profile's unless the author fixes it). */
  maxSide: number;
  /** Build profile that set the size and iterations ('gpu' or 'cpu'). */
  profile: string;
}
