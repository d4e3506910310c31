/**
 * A figure's recipe: everything that determines its pixels. The build computes it once; the reader's
 * browser recomputes it from the same recipe with another photo. Plain data, no Zod (the author-facing
 * validation lives in src/figures/).
 */
import type { ResizeMode } from '../image/preprocess.ts';

interface ImageRecipe {
  /** Registered model id. */
  model: string;
  /** Image as "<pack>/<file>" (e.g. "images-photos/chelsea.png"). */
  image: string;
  /** How the photo is fitted to the model's input. */
  resize: ResizeMode;
}

export interface FeatureMapsRecipe extends ImageRecipe {
  kind: 'feature-maps';
  layer: string;
  /** Channels drawn, in order. */
  channels: number[];
  /** Tiles per row. */
  columns: number;
}

export interface ChannelSweepRecipe extends ImageRecipe {
  kind: 'channel-sweep';
  layer: string;
  /** Channels in the order the animation steps through them (one row of tiles: a sprite strip). */
  channels: number[];
}

export interface TopKRecipe extends ImageRecipe {
  kind: 'top-k';
  k: number;
}

export interface FiltersRecipe {
  kind: 'filters';
  model: string;
  layer: string;
  columns: number;
}

export interface ArchitectureRecipe {
  kind: 'architecture';
  model: string;
}

export type Recipe = FeatureMapsRecipe | ChannelSweepRecipe | TopKRecipe | FiltersRecipe | ArchitectureRecipe;

/** Recipes computed from a photo: the ones a reader's photo recomputes. */
export type PhotoRecipe = FeatureMapsRecipe | ChannelSweepRecipe | TopKRecipe;

export function usesPhoto(recipe: Recipe): recipe is PhotoRecipe {
  return 'image' in recipe;
}

/** The layers a recipe needs computed (for loading a model only as deep as needed). */
export function recipeLayers(recipe: Recipe): string[] {
  return 'layer' in recipe ? [recipe.layer] : [];
}
