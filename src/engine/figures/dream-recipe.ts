/** Recipes of the feature-visualisation figures (article 2): everything that determines their pixels. */

interface OptimisationRecipe {
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

/** One dream per unit (channel) of a layer, recipe method (Fourier, decorrelated colour, transforms). */
export interface DreamGalleryRecipe extends OptimisationRecipe {
  kind: 'dream-gallery';
  layer: string;
  channels: number[];
}

/** One dream per class score (before the softmax). */
export interface ClassDreamRecipe extends OptimisationRecipe {
  kind: 'class-dream';
  classes: number[];
}

/** The naive method and the recipe side by side, same unit, steps and seed. */
export interface DreamCompareRecipe extends OptimisationRecipe {
  kind: 'dream-compare';
  layer: string;
  channel: number;
}

/** DeepDream on a photo: amplify what a layer sees in it, over octaves. */
export interface DeepDreamRecipe {
  kind: 'deepdream';
  model: string;
  layer: string;
  /** Image as "<pack>/<file>"; a reader's photo replaces it. */
  image: string;
  octaves: number;
  stepsPerOctave: number;
  /** Longest side of the result. */
  maxSide: number;
  seed: number;
  profile: string;
}

export type DreamRecipe = DreamGalleryRecipe | ClassDreamRecipe | DreamCompareRecipe | DeepDreamRecipe;
