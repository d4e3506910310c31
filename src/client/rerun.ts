/**
 * Re-runs an optimisation figure live from its recipe in the reader's browser, with the same engine as the
 * build; frames stream into the figure as the image forms. Dreams re-run their recipe (same seed and
 * steps); style figures run on the current photo (the reader's, once given). Loaded on first click.
 */
import type { DreamRecipe } from '../engine/figures/dream-recipe.ts';
import {
  computeFigure,
  isStyleRecipe,
  loadDepth,
  type FigureResult,
  type RgbaImage,
  type StyleRecipe,
} from '../engine/index.ts';
import type { DreamProgress } from '../engine/figures/dream-figures.ts';
import { loadNetwork, startBackend } from './browser-engine.ts';
import { pageModelSpec } from './page-models.ts';
import { isCurrent, liveData, currentRunId, readerPhoto, setPhotoName, setState } from './figure-state.ts';
import { showImage } from './show-image.ts';
import { computeStyleInBrowser, currentContent } from './style-compute.ts';

export async function rerunFigure(figure: HTMLElement, requested: string | null): Promise<void> {
  const recipe = JSON.parse(figure.dataset.rerun!) as DreamRecipe | StyleRecipe;
  const image = figure.querySelector<HTMLImageElement>('img.ll-dream, img.ll-atlas')!;
  const run = currentRunId();
  const controller = new AbortController();
  const photo = isStyleRecipe(recipe) ? readerPhoto() : null;
  setState(figure, 'computing', 'Starting the engine...');
  try {
    const backend = await startBackend((requested as never) ?? 'auto');
    const started = performance.now();
    let lastFrame = 0;
    const onFrame = async (frame: RgbaImage) => {
      // A new photo or "back to the article's photo" makes this run stale: stop it.
      if (!isCurrent(run)) controller.abort(new Error('stopped: the photo changed'));
      // At most a few frames a second: encoding frames must not slow the optimisation down.
      if (performance.now() - lastFrame < 250) return;
      lastFrame = performance.now();
      await showImage(image, frame);
      setState(
        figure,
        'computing',
        `Optimising on ${backend.name}... ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    };
    const progress: DreamProgress = { onFrame, frameEvery: isStyleRecipe(recipe) ? 2 : 4, signal: controller.signal };
    const result = await compute(recipe, progress);
    await showImage(image, result.image!);
    liveData.set(figure, result.data);
    if (photo) setPhotoName(figure, photo.name);
    const seconds = (performance.now() - started) / 1000;
    figure.dataset.rerunBackend = backend.name;
    const what = isStyleRecipe(recipe)
      ? `for ${photo?.name ?? "the article's photo"}`
      : `from the same recipe (seed ${recipe.seed})`;
    setState(figure, 'done', `Ran live on ${backend.name} in ${seconds.toFixed(1)} s ${what}.`);
  } catch (error) {
    if (!isCurrent(run)) return;
    setState(figure, 'error', `Could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function compute(recipe: DreamRecipe | StyleRecipe, progress: DreamProgress): Promise<FigureResult> {
  if (isStyleRecipe(recipe)) return computeStyleInBrowser(recipe, await currentContent(recipe), progress);
  const network = await loadNetwork(pageModelSpec(recipe.model), loadDepth([recipe]));
  return computeFigure(recipe, network, undefined, progress);
}
