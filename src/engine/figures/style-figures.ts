/**
 * Computes the style-transfer figures from their recipes: the style-layer grid and the weight sweep
 * (Gatys optimisations), a single optimisation, the photo through the fast networks, and Gram matrices.
 * The same code runs at build time and in the reader's browser; frames stream through `progress`.
 */
import type { ImagePixels } from '../image/preprocess.ts';
import { fitPhoto, fitSize } from '../image/fit.ts';
import type { Network } from '../model/network.ts';
import { atlasLayout, blankAtlas, placeTile, type AtlasLayout, type RgbaImage } from '../visual/atlas.ts';
import { gatys, type GatysLoss, type GatysOptions } from '../style/gatys.ts';
import type { FastStyleNetwork } from '../style/fast-style.ts';
import type { DreamProgress } from './dream-figures.ts';
import { gramFigure, type GramData } from './gram-figure.ts';
import type {
  FastStyleRecipe,
  GatysRecipe,
  GatysSettings,
  StyleGridRecipe,
  StyleRecipe,
  StyleSweepRecipe,
} from './style-recipe.ts';

/** What a style figure is computed from. */
export interface StyleInputs {
  /** VGG19, loaded at least as deep as the recipe's layers (Gatys and Gram figures). */
  network?: Network;
  /** The content photo (the article's or the reader's). */
  content: ImagePixels;
  /** The painting (Gatys and Gram figures). */
  style?: ImagePixels;
  /** A fast-style network by model id (fast-style figures). */
  fastStyle?: (id: string) => Promise<FastStyleNetwork>;
}

export type StyleData =
  | {
      kind: 'style-grid' | 'style-sweep' | 'gatys';
      layout: AtlasLayout;
      losses: GatysLoss[];
      iterationsPerSecond: number;
    }
  | { kind: 'fast-style'; layout: AtlasLayout; styles: string[]; msPerImage: number }
  | GramData;

const GAP = 2;

export async function computeStyleFigure(
  recipe: StyleRecipe,
  inputs: StyleInputs,
  progress: DreamProgress = {},
): Promise<{ image: RgbaImage; data: StyleData }> {
  switch (recipe.kind) {
    case 'fast-style':
      return fastStyleFigure(recipe, inputs, progress);
    case 'gram':
      return gramFigure(recipe, need(inputs.network, 'VGG19'), inputs.content, need(inputs.style, 'a painting'));
    default:
      return optimisationFigure(recipe, inputs, progress);
  }
}

/** One Gatys run per tile row; a grid's columns are snapshots of its row's run. */
interface Run {
  styleLayers: string[];
  layerWeights?: number[];
  settings: GatysSettings;
  iterations: number;
  checkpoints: number[];
}

function runsOf(recipe: StyleGridRecipe | StyleSweepRecipe | GatysRecipe): { runs: Run[]; columns: number } {
  const { contentLayer, styleWeight, tvWeight } = recipe;
  switch (recipe.kind) {
    case 'style-grid': {
      const iterations = recipe.iterations.at(-1)!;
      return {
        runs: recipe.rows.map((styleLayers) => ({
          styleLayers,
          settings: recipe,
          iterations,
          checkpoints: recipe.iterations,
        })),
        columns: recipe.iterations.length,
      };
    }
    case 'style-sweep': {
      const runs = recipe.contentWeights.map((contentWeight) => ({
        styleLayers: recipe.styleLayers,
        settings: { contentLayer, contentWeight, styleWeight, tvWeight },
        iterations: recipe.iterations,
        checkpoints: [recipe.iterations],
      }));
      return { runs, columns: runs.length };
    }
    case 'gatys':
      return {
        runs: [
          {
            styleLayers: recipe.styleLayers,
            layerWeights: recipe.layerWeights,
            settings: recipe,
            iterations: recipe.iterations,
            checkpoints: [recipe.iterations],
          },
        ],
        columns: 1,
      };
  }
}

async function optimisationFigure(
  recipe: StyleGridRecipe | StyleSweepRecipe | GatysRecipe,
  inputs: StyleInputs,
  progress: DreamProgress,
) {
  const network = need(inputs.network, 'VGG19');
  const style = need(inputs.style, 'a painting');
  const size = fitSize(inputs.content.width, inputs.content.height, recipe.maxSide);
  const { runs, columns } = runsOf(recipe);
  const tiles = recipe.kind === 'style-sweep' ? runs.length : runs.length * columns;
  const layout = atlasLayout(tiles, size.width, size.height, columns, recipe.kind === 'gatys' ? 0 : GAP);
  const atlas = blankAtlas(layout);
  const losses: GatysLoss[] = [];
  let iterations = 0;
  let seconds = 0;
  const total = runs.reduce((sum, run) => sum + run.iterations, 0);
  for (const [index, run] of runs.entries()) {
    // A grid row fills its columns as it passes each checkpoint; a sweep's run is one tile of one row.
    const first = recipe.kind === 'style-sweep' ? index : index * columns;
    const tileOf = (iteration: number) => first + run.checkpoints.indexOf(iteration);
    const options: GatysOptions = {
      contentLayer: run.settings.contentLayer,
      styleLayers: run.styleLayers.map((layer, i) => ({ layer, weight: run.layerWeights?.[i] ?? 1 })),
      contentWeight: run.settings.contentWeight,
      styleWeight: run.settings.styleWeight,
      tvWeight: run.settings.tvWeight,
      iterations: run.iterations,
      checkpoints: run.checkpoints,
      signal: progress.signal,
      onIteration: progress.onWork && ((iteration) => progress.onWork!((iterations + iteration) / total)),
      frameEvery: progress.onFrame ? (progress.frameEvery ?? 5) : undefined,
      onFrame:
        progress.onFrame &&
        (async ({ iteration, image }) =>
          progress.onFrame!(placeTile(atlas, layout, tileOf(nextCheckpoint(run.checkpoints, iteration)), image))),
    };
    const result = await gatys(network, inputs.content, style, size, options);
    for (const snapshot of result.snapshots) placeTile(atlas, layout, tileOf(snapshot.iteration), snapshot.image);
    placeTile(atlas, layout, tileOf(run.iterations), result.image);
    losses.push(result.loss);
    iterations += result.iterations;
    seconds += result.seconds;
  }
  await progress.onFrame?.(atlas);
  return { image: atlas, data: { kind: recipe.kind, layout, losses, iterationsPerSecond: iterations / seconds } };
}

/** The column a frame at this iteration is heading for. */
function nextCheckpoint(checkpoints: number[], iteration: number): number {
  return checkpoints.find((c) => c >= iteration) ?? checkpoints.at(-1)!;
}

async function fastStyleFigure(recipe: FastStyleRecipe, inputs: StyleInputs, progress: DreamProgress) {
  const load = need(inputs.fastStyle, 'the fast-style networks');
  const photo = await fitPhoto(inputs.content, recipe.maxSide);
  const layout = atlasLayout(recipe.styles.length, photo.width, photo.height, Math.min(3, recipe.styles.length), GAP);
  const atlas = blankAtlas(layout);
  let ms = 0;
  for (const [index, id] of recipe.styles.entries()) {
    progress.signal?.throwIfAborted();
    const network = await load(id);
    const started = performance.now();
    placeTile(atlas, layout, index, await network.stylize(photo));
    ms += performance.now() - started;
    await progress.onFrame?.(atlas);
  }
  const msPerImage = ms / recipe.styles.length;
  return { image: atlas, data: { kind: 'fast-style' as const, layout, styles: recipe.styles, msPerImage } };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`This style figure needs ${what}, and none was given.`);
  return value;
}
