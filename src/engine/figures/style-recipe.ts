/**
 * Recipes of the style-transfer figures (article 3): everything that determines their pixels. The content
 * image is `image` (the article's photo, or the reader's); the painting is `style`.
 */

/** The Gatys loss: which layers carry content and style, and how the terms are weighed. */
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

interface StyleRecipeBase {
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

/** Rows: style layer sets; columns: snapshots of one optimisation per row at the given iteration counts. */
export interface StyleGridRecipe extends StyleRecipeBase, GatysSettings {
  kind: 'style-grid';
  rows: string[][];
  /** Iteration counts of the columns, ascending. */
  iterations: number[];
  /** Columns the author asked for that the build profile could not afford. */
  droppedIterations: number[];
}

/** Columns: the same optimisation with different content/style weight ratios. */
export interface StyleSweepRecipe extends StyleRecipeBase, Omit<GatysSettings, 'contentWeight'> {
  kind: 'style-sweep';
  styleLayers: string[];
  /** Content weight of each column (the style weight is fixed): the ratio content / style. */
  contentWeights: number[];
  iterations: number;
}

/** One optimisation (the live panel's starting point). */
export interface GatysRecipe extends StyleRecipeBase, GatysSettings {
  kind: 'gatys';
  styleLayers: string[];
  /** Weight of each style layer, in the order of styleLayers (default: 1 each). */
  layerWeights?: number[];
  iterations: number;
}

/** The photo through several fast style-transfer networks (Johnson et al. 2016), one pass each. */
export interface FastStyleRecipe {
  kind: 'fast-style';
  /** The first network (what the page loads first); `styles` lists them all. */
  model: string;
  /** Fast-style model ids, in tile order. */
  styles: string[];
  image: string;
  maxSide: number;
  profile: string;
}

/** Gram matrices of one layer for the photo and the painting, on their first `channels` channels. */
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

export type StyleRecipe = StyleGridRecipe | StyleSweepRecipe | GatysRecipe | FastStyleRecipe | GramRecipe;

const STYLE_KINDS = new Set<string>(['style-grid', 'style-sweep', 'gatys', 'fast-style', 'gram']);

export function isStyleRecipe(recipe: { kind: string }): recipe is StyleRecipe {
  return STYLE_KINDS.has(recipe.kind);
}

/** Style layers of a Gatys recipe (every row's, for a grid). */
export function styleLayersOf(recipe: StyleGridRecipe | StyleSweepRecipe | GatysRecipe): string[] {
  return recipe.kind === 'style-grid' ? [...new Set(recipe.rows.flat())] : recipe.styleLayers;
}

/** Every layer a style recipe reads (to load VGG19 only as deep as needed). */
export function styleRecipeLayers(recipe: StyleRecipe): string[] {
  if (recipe.kind === 'fast-style') return [];
  if (recipe.kind === 'gram') return [recipe.layer];
  return [recipe.contentLayer, ...styleLayersOf(recipe)];
}

/** Iterations a recipe runs in all (grid rows each run to their last column). */
export function styleIterations(recipe: StyleRecipe): number {
  switch (recipe.kind) {
    case 'style-grid':
      return recipe.rows.length * recipe.iterations.at(-1)!;
    case 'style-sweep':
      return recipe.contentWeights.length * recipe.iterations;
    case 'gatys':
      return recipe.iterations;
    default:
      return 0;
  }
}
