/**
 * Re-runs an optimisation figure live from its recipe in the reader's browser, with the same engine, seed
 * and step count as the build; frames stream into the figure as the image forms. Loaded on first click.
 */
import type { DreamRecipe } from '../engine/figures/dream-recipe.ts';
import { computeFigure, loadDepth, type RgbaImage } from '../engine/index.ts';
import { loadNetwork, startBackend } from './browser-engine.ts';
import { pageModelSpec } from './page-models.ts';
import { liveData, setState } from './figure-state.ts';
import { showImage } from './show-image.ts';

export async function rerunDream(figure: HTMLElement, requested: string | null): Promise<void> {
  const recipe = JSON.parse(figure.dataset.rerun!) as DreamRecipe;
  const image = figure.querySelector<HTMLImageElement>('img.ll-dream')!;
  setState(figure, 'computing', 'Starting the engine...');
  try {
    const backend = await startBackend((requested as never) ?? 'auto');
    const network = await loadNetwork(pageModelSpec(recipe.model), loadDepth([recipe]));
    const started = performance.now();
    let lastFrame = 0;
    const onFrame = async (frame: RgbaImage) => {
      // At most a few frames a second: encoding frames must not slow the optimisation down.
      if (performance.now() - lastFrame < 250) return;
      lastFrame = performance.now();
      await showImage(image, frame);
      setState(figure, 'computing', `Optimising on ${backend.name}... ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    const result = await computeFigure(recipe, network, undefined, { onFrame, frameEvery: 4 });
    await showImage(image, result.image!);
    liveData.set(figure, result.data);
    const seconds = (performance.now() - started) / 1000;
    figure.dataset.rerunBackend = backend.name;
    setState(figure, 'done', `Re-run live on ${backend.name} in ${seconds.toFixed(1)} s from the same recipe (seed ${recipe.seed}).`);
  } catch (error) {
    setState(figure, 'error', `Could not re-run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
