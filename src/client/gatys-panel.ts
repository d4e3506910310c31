/**
 * The live Gatys panel: reads the reader's choices (style layers and weights, content layer, loss weights,
 * iterations), runs the engine's optimisation on the current photo and streams frames into the figure.
 * Loaded on the first Run.
 */
import type { GatysRecipe } from '../engine/index.ts';
import { startBackend } from './browser-engine.ts';
import { liveData, readerPhoto, setPhotoName, setState } from './figure-state.ts';
import { showImage } from './show-image.ts';
import { computeStyleInBrowser, currentContent } from './style-compute.ts';

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

export async function runPanel(figure: HTMLElement, form: HTMLFormElement, requested: string | null): Promise<void> {
  const progress = form.querySelector<HTMLElement>('.ll-gatys-progress')!;
  const recipe = readPanel(form);
  if (typeof recipe === 'string') {
    progress.textContent = recipe;
    return;
  }
  const run = form.querySelector<HTMLButtonElement>('.ll-gatys-run')!;
  const stop = form.querySelector<HTMLButtonElement>('.ll-gatys-stop')!;
  const image = figure.querySelector<HTMLImageElement>('img.ll-gatys-image')!;
  const controller = new AbortController();
  const onStop = () => controller.abort(new Error('stopped'));
  stop.addEventListener('click', onStop, { once: true });
  [run.disabled, stop.disabled] = [true, false];
  const photo = readerPhoto();
  try {
    const backend = await startBackend((requested as never) ?? 'auto');
    setState(figure, 'computing', `Optimising on ${backend.name}...`);
    const started = performance.now();
    let frames = 0;
    let shown = 0;
    const onFrame = async (frame: Parameters<typeof showImage>[1]) => {
      const iteration = Math.min(recipe.iterations, ++frames * FRAME_EVERY);
      progress.textContent = `iteration ${iteration} of ${recipe.iterations}, ${(iteration / ((performance.now() - started) / 1000)).toFixed(2)} per second`;
      if (performance.now() - shown < 250 && iteration < recipe.iterations) return;
      shown = performance.now();
      await showImage(image, frame);
    };
    const result = await computeStyleInBrowser(recipe, await currentContent(recipe), {
      onFrame,
      frameEvery: FRAME_EVERY,
      signal: controller.signal,
    });
    await showImage(image, result.image!);
    liveData.set(figure, result.data);
    if (photo) setPhotoName(figure, photo.name);
    const seconds = (performance.now() - started) / 1000;
    progress.textContent = `${recipe.iterations} iterations in ${seconds.toFixed(1)} s`;
    setState(
      figure,
      'done',
      `Ran live on ${backend.name} in ${seconds.toFixed(1)} s for ${photo?.name ?? "the article's photo"}.`,
    );
  } catch (error) {
    const stopped = controller.signal.aborted;
    progress.textContent = stopped ? 'Stopped; the image shows the last frame.' : '';
    setState(
      figure,
      stopped ? 'done' : 'error',
      stopped ? 'Stopped by the reader.' : `Could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    stop.removeEventListener('click', onStop);
    [run.disabled, stop.disabled] = [false, true];
  }
}
