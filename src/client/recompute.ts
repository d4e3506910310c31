/**
 * Recomputes every figure of the article for the reader's photo, with the same engine the build used.
 * One figure at a time, visible ones first; each shows its state. Loaded only when a photo is given.
 */
import * as tf from '@tensorflow/tfjs-core';
import {
  computeFigure,
  isStyleRecipe,
  loadDepth,
  PhotoAnalysis,
  recipeLayers,
  type FigureResult,
  type ImagePixels,
  type PhotoRecipe,
} from '../engine/index.ts';
import type { BackendName } from '../engine/backend.ts';
import { loadNetwork, startBackend } from './browser-engine.ts';
import { pageModelSpec } from './page-models.ts';
import { showImage } from './show-image.ts';
import {
  isCurrent,
  liveData,
  nextRun,
  originalMarkup,
  setPhotoName,
  setReaderPhoto,
  setState,
} from './figure-state.ts';
import { computeStyleInBrowser } from './style-compute.ts';

export interface RecomputeOutcome {
  figures: number;
  backend: string;
}

/** Resolves when every figure shows the photo, or with null when a newer photo (or a reset) took over. */
export async function recomputeArticle(
  pixels: ImagePixels,
  photoName: string,
  onProgress: (done: number, total: number) => void,
): Promise<RecomputeOutcome | null> {
  const run = nextRun();
  setReaderPhoto({ pixels, name: photoName });
  offerOnDemand(photoName);
  const figures = [...document.querySelectorAll<HTMLElement>('.ll-figure[data-recipe]:not([data-on-demand])')];
  const recipes = new Map(figures.map((f) => [f, JSON.parse(f.dataset.recipe!) as PhotoRecipe]));
  for (const figure of figures) setState(figure, 'waiting', 'Waiting to recompute...');
  const backend = await startBackend(requestedBackend());
  const visibility = trackVisibility(figures);
  const analyses = new Map<string, Promise<PhotoAnalysis>>();
  const analysisFor = (model: string) => {
    let analysis = analyses.get(model);
    if (!analysis) {
      const mine = [...recipes.values()].filter((r) => r.model === model && !isStyleRecipe(r));
      const layers = [...new Set(mine.flatMap(recipeLayers))];
      analysis = loadNetwork(pageModelSpec(model), loadDepth(mine)).then(
        (network) => new PhotoAnalysis(network, pixels, layers),
      );
      analyses.set(model, analysis);
    }
    return analysis;
  };
  const pending = new Set(figures);
  try {
    while (pending.size) {
      if (!isCurrent(run)) return null;
      const figure = [...pending].find((f) => visibility.visible.has(f)) ?? pending.values().next().value!;
      pending.delete(figure);
      const recipe = recipes.get(figure)!;
      setState(figure, 'computing', `Computing on ${backend.name}...`);
      const started = performance.now();
      try {
        const result = isStyleRecipe(recipe)
          ? await computeStyleInBrowser(recipe, pixels)
          : await computeWith(await analysisFor(recipe.model), recipe);
        if (!isCurrent(run)) return null;
        await show(figure, result);
        setPhotoName(figure, photoName);
        setState(
          figure,
          'done',
          `Recomputed for your photo on ${backend.name} in ${Math.round(performance.now() - started)} ms.`,
        );
      } catch (error) {
        setState(figure, 'error', `Could not recompute: ${error instanceof Error ? error.message : String(error)}`);
      }
      onProgress(figures.length - pending.size, figures.length);
    }
  } finally {
    visibility.stop();
    // Exposed for the memory check (tests): live tensors must not grow from one photo to the next.
    document.documentElement.dataset.tensors = String(tf.memory().numTensors);
  }
  return { figures: figures.length, backend: backend.name };
}

function computeWith(analysis: PhotoAnalysis, recipe: PhotoRecipe): Promise<FigureResult> {
  return computeFigure(recipe, analysis.network, analysis);
}

/**
 * Optimisation figures (Gatys grids, the live panel) take minutes on a CPU: the reader's photo is offered to
 * them, and they run when the reader asks (their re-run button), so the quick figures are never held up.
 */
function offerOnDemand(photoName: string): void {
  for (const figure of document.querySelectorAll<HTMLElement>('.ll-figure[data-on-demand]')) {
    const rerun = figure.querySelector<HTMLButtonElement>('.ll-rerun');
    if (rerun) rerun.textContent = 'Run on your photo';
    const label = (rerun ?? figure.querySelector('.ll-gatys-run'))?.textContent ?? 'Run';
    setState(figure, 'ready', `Ready for ${photoName}: press "${label}" (minutes on a CPU, seconds on a GPU).`);
  }
}

/** Puts a result in the page: a new image (PNG blob, lossless) or new table rows. */
async function show(figure: HTMLElement, result: FigureResult): Promise<void> {
  liveData.set(figure, result.data);
  figure.dispatchEvent(new CustomEvent('ll-figure-updated'));
  if (result.image)
    await showImage(figure.querySelector<HTMLImageElement>('img.ll-atlas, img.ll-sweep-strip')!, result.image);
  if (result.data.kind === 'top-k') {
    const body = figure.querySelector<HTMLElement>('tbody')!;
    if (!originalMarkup.has(body)) originalMarkup.set(body, body.innerHTML);
    body.replaceChildren(
      ...result.data.predictions.map((p, i) => {
        const row = document.createElement('tr');
        const percent = `${(p.probability * 100).toFixed(1)}%`;
        row.innerHTML = `<td>${i + 1}</td><td></td><td class="num">${percent}</td><td class="ll-bar-cell"><span class="ll-bar" style="width: ${percent}"></span></td>`;
        row.cells[1]!.textContent = p.label;
        return row;
      }),
    );
  }
}

/** ?backend=wasm (or webgpu, webgl, cpu) forces a backend; default: WebGPU, WebGL, WASM, CPU in order. */
function requestedBackend(): BackendName | 'auto' {
  return (new URLSearchParams(location.search).get('backend') as BackendName | null) ?? 'auto';
}

function trackVisibility(figures: HTMLElement[]): { visible: Set<HTMLElement>; stop: () => void } {
  const visible = new Set<HTMLElement>();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) visible.add(entry.target as HTMLElement);
      else visible.delete(entry.target as HTMLElement);
    }
  });
  figures.forEach((f) => observer.observe(f));
  return { visible, stop: () => observer.disconnect() };
}
