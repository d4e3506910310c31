/**
 * The live Gatys panel: reads the reader's choices (style layers and weights, content layer, loss weights,
 * iterations), runs the engine's optimisation on the current photo in the page's worker and streams frames
 * into the figure; Stop aborts it. Without JavaScript the form stays hidden and the precomputed image stands.
 */
import { readerPhoto } from '../../../client/figure-state.ts';
import { runLive } from '../../../client/live-run.ts';
import type { LiveKind } from '../../contract/live.ts';
import type { GatysData, GatysRecipe } from './recipe.ts';

export const live: LiveKind<GatysData> = {
  wake(figure) {
    const form = figure.querySelector<HTMLFormElement>('.ll-gatys-form');
    if (!form) return;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void runPanel(figure, form);
    });
  },
};

/** Frames come every FRAME_EVERY iterations (each costs a read-back from the GPU). */
const FRAME_EVERY = 2;

/** The recipe the form describes, or a message saying what to fix. */
export function readPanel(form: HTMLFormElement): GatysRecipe | string {
  const defaults = JSON.parse(form.dataset.recipeDefaults!) as GatysRecipe;
  const data = new FormData(form);
  const styleLayers = data.getAll('styleLayer').map(String);
  if (!styleLayers.length) return 'Choose at least one style layer.';
  const layerWeights = styleLayers.map((layer) => Number(data.get(`weight:${layer}`)));
  const numbers = ['contentWeight', 'styleWeight', 'tvWeight', 'iterations'].map((name) => Number(data.get(name)));
  if ([...layerWeights, ...numbers].some((n) => !Number.isFinite(n) || n < 0))
    return 'Weights and iterations must be numbers, 0 or more.';
  const [contentWeight, styleWeight, tvWeight, iterations] = numbers as [number, number, number, number];
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10000)
    return 'Iterations must be a whole number from 1 to 10000.';
  return {
    ...defaults,
    styleLayers,
    layerWeights,
    contentLayer: String(data.get('contentLayer')),
    contentWeight,
    styleWeight,
    tvWeight,
    iterations,
  };
}

export async function runPanel(figure: HTMLElement, form: HTMLFormElement): Promise<void> {
  const progress = form.querySelector<HTMLElement>('.ll-gatys-progress')!;
  const recipe = readPanel(form);
  if (typeof recipe === 'string') {
    progress.textContent = recipe;
    return;
  }
  const run = form.querySelector<HTMLButtonElement>('.ll-gatys-run')!;
  const stop = form.querySelector<HTMLButtonElement>('.ll-gatys-stop')!;
  const controller = new AbortController();
  const onStop = () => controller.abort(new Error('stopped'));
  stop.addEventListener('click', onStop, { once: true });
  [run.disabled, stop.disabled] = [true, false];
  const photo = readerPhoto()?.name ?? "the article's photo";
  try {
    const outcome = await runLive(figure, recipe, {
      signal: controller.signal,
      frameEvery: FRAME_EVERY,
      onProgress: (fraction, seconds) => {
        const iteration = Math.round(fraction * recipe.iterations);
        progress.textContent = `iteration ${iteration} of ${recipe.iterations}, ${(iteration / Math.max(seconds, 1e-3)).toFixed(2)} per second`;
      },
      doneText: (result, seconds) => `Ran live on ${result.backend} in ${seconds.toFixed(1)} s for ${photo}.`,
    });
    if (outcome) progress.textContent = `${recipe.iterations} iterations in ${(outcome.ms / 1000).toFixed(1)} s`;
    else if (controller.signal.aborted) progress.textContent = 'Stopped; the image shows the last frame.';
  } finally {
    stop.removeEventListener('click', onStop);
    [run.disabled, stop.disabled] = [false, true];
  }
}
