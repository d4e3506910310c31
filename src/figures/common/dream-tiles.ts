/**
 * Galleries of optimised images (unit dreams, class dreams, naive against the recipe): one optimisation per
 * tile, tiles placed in one atlas as they finish, partial images streamed while each one forms.
 */
import { dream, visual, type Network, type RgbaImage } from '../../engine/index.ts';
import type { ComputeRun, FigureResult } from '../contract/compute.ts';
import { PAGE_BACKGROUND, TILE_GAP } from './atlas-style.ts';
import type { DreamTilesData, OptimisationRecipeBase } from './recipe-parts.ts';

type Objective = ReturnType<typeof dream.objectives.channel>;

/** One tile: what it is labelled on the page, what it maximises, and how. */
export interface TileRun {
  label: string;
  objective: Objective;
  /** Naive pixel ascent (no Fourier basis, no transforms) instead of the recipe. */
  naive?: boolean;
}

/** Tiles per row at most: a gallery wider than that wraps. */
const MAX_COLUMNS = 8;

export async function dreamTiles(
  recipe: OptimisationRecipeBase,
  network: Network,
  runs: TileRun[],
  run: ComputeRun,
): Promise<FigureResult<DreamTilesData>> {
  const layout = visual.atlasLayout(
    runs.length,
    recipe.size,
    recipe.size,
    Math.min(runs.length, MAX_COLUMNS),
    TILE_GAP,
  );
  const atlas = visual.blankAtlas(layout, PAGE_BACKGROUND);
  const objectives: number[] = [];
  let seconds = 0;
  let steps = 0;
  for (const [index, tile] of runs.entries()) {
    const onFrame =
      run.onPartial &&
      (({ image }: { image: RgbaImage }) => run.onPartial!(visual.placeTile(atlas, layout, index, image)));
    const method = tile.naive ? dream.visualizeNaive : dream.visualize;
    const result = await method(network, tile.objective, {
      width: recipe.size,
      height: recipe.size,
      steps: recipe.steps,
      seed: recipe.seed,
      signal: run.signal,
      frameEvery: run.frameEvery ?? 8,
      onFrame,
    });
    visual.placeTile(atlas, layout, index, result.image);
    objectives.push(result.objective);
    seconds += result.seconds;
    steps += result.steps;
    run.onWork?.((index + 1) / runs.length);
  }
  await run.onPartial?.(atlas);
  return {
    image: atlas,
    data: { layout, labels: runs.map((r) => r.label), objectives, stepsPerSecond: steps / seconds },
  };
}
