/**
 * Computes the feature-visualisation figures from their recipes: galleries of unit or class dreams, the
 * naive-versus-recipe pair, and DeepDream on a photo. Frames stream through `progress` while optimising,
 * so a page can show the image forming; the final result is identical with or without frames.
 */
import type { ImagePixels } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';
import { blankAtlas, atlasLayout, placeTile, type AtlasLayout, type RgbaImage } from '../visual/atlas.ts';
import { fitPhoto } from '../image/fit.ts';
import { deepDreamPhoto } from '../dream/deepdream.ts';
import {
  beforeNonLinearity,
  channel,
  classLogit,
  deepDream,
  logitsLayer,
  type Objective,
} from '../dream/objectives.ts';
import { visualize, visualizeNaive, type DreamResult, type VisualizeOptions } from '../dream/visualize.ts';
import type { DeepDreamRecipe, DreamRecipe } from './dream-recipe.ts';

export interface DreamProgress {
  /** Called with the figure's whole image as it forms. */
  onFrame?: (image: RgbaImage) => void | Promise<void>;
  /** Deliver a frame every this many steps (default 8). */
  frameEvery?: number;
  /** Called as the work advances with the fraction of the figure done (0 to 1), where it is known. */
  onWork?: (fraction: number) => void;
  signal?: AbortSignal;
}

export type DreamData =
  | { kind: 'dream'; layout: AtlasLayout; labels: string[]; objectives: number[]; stepsPerSecond: number }
  | { kind: 'deepdream'; before: number; after: number; stepsPerSecond: number };

const GAP = 2;

export async function computeDreamFigure(
  recipe: DreamRecipe,
  network: Network,
  pixels: ImagePixels | undefined,
  progress: DreamProgress = {},
): Promise<{ image: RgbaImage; data: DreamData }> {
  if (recipe.kind === 'deepdream') return deepDreamFigure(recipe, network, pixels, progress);
  const runs = tileRuns(recipe, network);
  const layout = atlasLayout(runs.length, recipe.size, recipe.size, Math.min(runs.length, 8), GAP);
  const atlas = blankAtlas(layout);
  const results: DreamResult[] = [];
  const options: VisualizeOptions = {
    width: recipe.size,
    height: recipe.size,
    steps: recipe.steps,
    seed: recipe.seed,
    signal: progress.signal,
  };
  for (const [index, run] of runs.entries()) {
    const onFrame =
      progress.onFrame &&
      (async ({ image }: { image: RgbaImage }) => progress.onFrame!(placeTile(atlas, layout, index, image)));
    const result = await run.method(network, run.objective, {
      ...options,
      frameEvery: progress.frameEvery ?? 8,
      onFrame,
    });
    placeTile(atlas, layout, index, result.image);
    results.push(result);
  }
  await progress.onFrame?.(atlas);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const steps = results.reduce((sum, r) => sum + r.steps, 0);
  return {
    image: atlas,
    data: {
      kind: 'dream',
      layout,
      labels: runs.map((r) => r.label),
      objectives: results.map((r) => r.objective),
      stepsPerSecond: steps / seconds,
    },
  };
}

interface TileRun {
  label: string;
  objective: Objective;
  method: typeof visualize;
}

function tileRuns(recipe: Exclude<DreamRecipe, DeepDreamRecipe>, network: Network): TileRun[] {
  switch (recipe.kind) {
    case 'dream-gallery': {
      const layer = beforeNonLinearity(network, recipe.layer);
      return recipe.channels.map((c) => ({
        label: `${recipe.layer} unit ${c}`,
        objective: channel(layer, c),
        method: visualize,
      }));
    }
    case 'class-dream': {
      const logits = logitsLayer(network);
      return recipe.classes.map((c) => ({
        label: network.labels[c] ?? `class ${c}`,
        objective: classLogit(logits, c),
        method: visualize,
      }));
    }
    case 'dream-compare': {
      const objective = channel(beforeNonLinearity(network, recipe.layer), recipe.channel);
      return [
        { label: `naive: pixels, no transforms`, objective, method: visualizeNaive },
        { label: `recipe: Fourier, decorrelated colour, transforms`, objective, method: visualize },
      ];
    }
  }
}

async function deepDreamFigure(
  recipe: DeepDreamRecipe,
  network: Network,
  pixels: ImagePixels | undefined,
  progress: DreamProgress,
) {
  if (!pixels) throw new Error('DeepDream needs a photo.');
  const photo = await fitPhoto(pixels, recipe.maxSide);
  const result = await deepDreamPhoto(network, photo, deepDream(recipe.layer), {
    octaves: recipe.octaves,
    stepsPerOctave: recipe.stepsPerOctave,
    seed: recipe.seed,
    signal: progress.signal,
    frameEvery: progress.onFrame ? (progress.frameEvery ?? 4) : undefined,
    onFrame: progress.onFrame && (({ image }) => progress.onFrame!(image)),
  });
  await progress.onFrame?.(result.image);
  return {
    image: result.image,
    data: {
      kind: 'deepdream' as const,
      before: result.before,
      after: result.after,
      stepsPerSecond: result.stepsPerSecond,
    },
  };
}
