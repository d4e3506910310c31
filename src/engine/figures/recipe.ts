/**
 * A figure's recipe: everything that determines its pixels. The build computes it once; the reader's
 * browser recomputes it from the same recipe with another photo. Plain data, no Zod (the author-facing
 * validation lives in src/figures/).
 */
import type { ResizeMode } from '../image/preprocess.ts';
import type { DeepDreamRecipe, DreamRecipe } from './dream-recipe.ts';
import { styleIterations, styleRecipeLayers, isStyleRecipe, type StyleRecipe } from './style-recipe.ts';

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

export type Recipe =
  FeatureMapsRecipe | ChannelSweepRecipe | TopKRecipe | FiltersRecipe | ArchitectureRecipe | DreamRecipe | StyleRecipe;

/** Recipes computed from a photo: the ones a reader's photo recomputes. */
export type PhotoRecipe = FeatureMapsRecipe | ChannelSweepRecipe | TopKRecipe | DeepDreamRecipe | StyleRecipe;

export function usesPhoto(recipe: Recipe): recipe is PhotoRecipe {
  return 'image' in recipe;
}

/** The layers a recipe needs computed (for loading a model only as deep as needed). */
export function recipeLayers(recipe: Recipe): string[] {
  if (isStyleRecipe(recipe)) return styleRecipeLayers(recipe);
  return 'layer' in recipe ? [recipe.layer] : [];
}

/** Every registered model a recipe's pixels depend on (fast-style figures use one network per style). */
export function recipeModels(recipe: Recipe): string[] {
  return recipe.kind === 'fast-style' ? recipe.styles : [recipe.model];
}

/** Every image a recipe reads, as "<pack>/<file>": the photo, and the painting of style figures. */
export function recipeImages(recipe: Recipe): string[] {
  return [...('image' in recipe ? [recipe.image] : []), ...('style' in recipe ? [recipe.style] : [])];
}

/** Recipes that read the model's output, so need it loaded whole. */
export function needsWholeModel(recipe: Recipe): boolean {
  return recipe.kind === 'top-k' || recipe.kind === 'class-dream';
}

/** How deep to load a model for these recipes: the layers they name, or everything. */
export function loadDepth(recipes: Recipe[]): string[] | undefined {
  const layers = [...new Set(recipes.flatMap(recipeLayers))];
  return recipes.some(needsWholeModel) || !layers.length ? undefined : layers;
}

/**
 * Rough cost of computing a recipe, in forward passes of a 224x224 image (for progress estimates only):
 * optimisation figures cost steps x (forward + backward) x their image area; the others share one pass.
 */
export function recipeCost(recipe: Recipe): number {
  const area = (side: number) => (side * side) / (224 * 224);
  switch (recipe.kind) {
    case 'dream-gallery':
      return recipe.channels.length * recipe.steps * 3 * area(recipe.size);
    case 'class-dream':
      return recipe.classes.length * recipe.steps * 3 * area(recipe.size);
    case 'dream-compare':
      return 2 * recipe.steps * 3 * area(recipe.size);
    case 'deepdream':
      return recipe.octaves * recipe.stepsPerOctave * 3 * area(recipe.maxSide);
    // VGG19 through block 3 costs about 20 Tiny Darknet passes; a fast-style network about 15.
    case 'style-grid':
    case 'style-sweep':
    case 'gatys':
      return styleIterations(recipe) * 3 * 20 * area(recipe.maxSide);
    case 'fast-style':
      return recipe.styles.length * 15 * area(recipe.maxSide);
    case 'gram':
      return 2 * 20 * area(recipe.size);
    default:
      return 0.2;
  }
}
