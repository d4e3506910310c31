/**
 * The Gatys figures (style-layer grid, weight sweep, single panel) as runs of the engine's optimisation:
 * one run per grid row (its columns are snapshots of that run) or per sweep column, tiles placed in one
 * atlas, frames streamed while each run forms.
 */
import { image, style, visual, type AtlasLayout, type GatysLoss } from '../../engine/index.ts';
import type { ComputeRun, FigureInputs, FigureResult, Reads } from '../contract/compute.ts';
import type { GatysRecipe } from '../kinds/gatys/recipe.ts';
import type { StyleGridRecipe } from '../kinds/style-grid/recipe.ts';
import type { StyleSweepRecipe } from '../kinds/style-sweep/recipe.ts';
import { PAGE_BACKGROUND, TILE_GAP } from './atlas-style.ts';
import type { GatysSettings } from './recipe-parts.ts';

export interface GatysFigureData {
  layout: AtlasLayout;
  /** The final loss of each run (grid rows, sweep columns). */
  losses: GatysLoss[];
  iterationsPerSecond: number;
}

type GatysFigureRecipe = StyleGridRecipe | StyleSweepRecipe | GatysRecipe;

/** One optimisation: its style layers and settings, how long it runs, where it takes snapshots. */
export interface GatysRun {
  styleLayers: string[];
  layerWeights?: number[];
  settings: GatysSettings;
  iterations: number;
  checkpoints: number[];
}

/** The runs of a figure and its columns; `tileOf(run, iteration)` places a run's snapshot. */
export interface GatysPlan {
  runs: GatysRun[];
  columns: number;
  tileOf: (run: number, checkpoint: number) => number;
}

/** Style layers of a Gatys recipe (every row's, for a grid). */
export function styleLayersOf(recipe: GatysFigureRecipe): string[] {
  return recipe.kind === 'style-grid' ? [...new Set(recipe.rows.flat())] : recipe.styleLayers;
}

/** What a Gatys figure reads: VGG19 to its deepest layer, the photo and the painting. */
export function gatysReads(recipe: GatysFigureRecipe): Reads {
  return {
    models: { [recipe.model]: [recipe.contentLayer, ...styleLayersOf(recipe)] },
    images: [recipe.image, recipe.style],
    gradients: true,
  };
}

export async function gatysFigure(
  recipe: GatysFigureRecipe,
  plan: GatysPlan,
  inputs: FigureInputs,
  run: ComputeRun,
): Promise<FigureResult<GatysFigureData>> {
  const [network, content, painting] = await Promise.all([
    inputs.network(recipe.model),
    inputs.image(recipe.image),
    inputs.image(recipe.style),
  ]);
  const size = image.fitSize(content.width, content.height, recipe.maxSide);
  const tiles = Math.max(...plan.runs.flatMap((r, i) => r.checkpoints.map((c) => plan.tileOf(i, c)))) + 1;
  const gap = recipe.kind === 'gatys' ? 0 : TILE_GAP;
  const layout = visual.atlasLayout(tiles, size.width, size.height, plan.columns, gap);
  const atlas = visual.blankAtlas(layout, PAGE_BACKGROUND);
  const losses: GatysLoss[] = [];
  const total = plan.runs.reduce((sum, r) => sum + r.iterations, 0);
  let iterations = 0;
  let seconds = 0;
  for (const [index, one] of plan.runs.entries()) {
    const heading = (iteration: number) => one.checkpoints.find((c) => c >= iteration) ?? one.checkpoints.at(-1)!;
    const result = await style.gatys(network, content, painting, size, {
      contentLayer: one.settings.contentLayer,
      styleLayers: one.styleLayers.map((layer, i) => ({ layer, weight: one.layerWeights?.[i] ?? 1 })),
      contentWeight: one.settings.contentWeight,
      styleWeight: one.settings.styleWeight,
      tvWeight: one.settings.tvWeight,
      iterations: one.iterations,
      checkpoints: one.checkpoints,
      signal: run.signal,
      onIteration: run.onWork && ((i) => run.onWork!((iterations + i) / total)),
      frameEvery: run.onPartial ? (run.frameEvery ?? 5) : undefined,
      onFrame:
        run.onPartial &&
        (({ iteration, image: frame }) =>
          run.onPartial!(visual.placeTile(atlas, layout, plan.tileOf(index, heading(iteration)), frame))),
    });
    for (const snapshot of result.snapshots)
      visual.placeTile(atlas, layout, plan.tileOf(index, snapshot.iteration), snapshot.image);
    visual.placeTile(atlas, layout, plan.tileOf(index, one.iterations), result.image);
    losses.push(result.loss);
    iterations += result.iterations;
    seconds += result.seconds;
  }
  await run.onPartial?.(atlas);
  return { image: atlas, data: { layout, losses, iterationsPerSecond: iterations / seconds } };
}
