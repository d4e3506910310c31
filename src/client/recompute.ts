/**
 * Recomputes every figure of the article that follows the photo, for the reader's photo, with the same
 * engine the build used (in the page's worker). One figure at a time, visible ones first; each shows its
 * state. A newer photo, or "back to the article's photo", stops a run in progress.
 */
import type { Recipe } from '../figures/registry/types.ts';
import { readerPhoto, setPhotoName, setState } from './figure-state.ts';
import { figureImage, restoreFigure, showOutcome, showPng } from './figure-view.ts';
import { liveEngine, publishStats, withReaderPhoto } from './live-engine.ts';

export interface RecomputeOutcome {
  figures: number;
  backend: string;
}

let current: AbortController | null = null;

/** Stops the run in progress, if any (a new photo, or the way back). */
export function stopRecompute(): void {
  current?.abort(new Error('stopped: the photo changed'));
  current = null;
}

/** Resolves when every figure shows the reader's photo, or with null when a newer photo (or a reset) took over. */
export async function recomputeArticle(
  onProgress: (done: number, total: number) => void,
  only: (figure: HTMLElement) => boolean = follows,
): Promise<RecomputeOutcome | null> {
  stopRecompute();
  const run = new AbortController();
  current = run;
  // A class picked for the article's own photo recomputes too: the photo is then the article's.
  const photo = readerPhoto();
  offerOnDemand(photo?.name ?? "the article's photo", only);
  const figures = [...document.querySelectorAll<HTMLElement>('.ll-figure[data-recipe]:not([data-on-demand])')].filter(
    only,
  );
  for (const figure of figures) setState(figure, 'waiting', 'Waiting to recompute...');
  const { client, label } = await liveEngine();
  const visibility = trackVisibility(figures);
  const pending = new Set(figures);
  try {
    while (pending.size) {
      if (run.signal.aborted) return null;
      const figure = [...pending].find((f) => visibility.visible.has(f)) ?? pending.values().next().value!;
      pending.delete(figure);
      setState(figure, 'computing', `Computing on ${label}...`);
      try {
        const recipe = withReaderPhoto(JSON.parse(figure.dataset.recipe!) as Recipe, follows(figure));
        const image = figureImage(figure);
        const started = performance.now();
        const outcome = await client.compute(recipe, {
          signal: run.signal,
          // Multi-pass figures (SmoothGrad's samples, occlusion's rows) show their image as it forms.
          onPartial: (png) => image && showPng(image, png),
          onWork: (fraction) => setState(figure, 'computing', computingText(label, fraction, started)),
        });
        if (run.signal.aborted) return null;
        await showOutcome(figure, outcome);
        if (photo && follows(figure)) setPhotoName(figure, photo.name);
        const note = outcome.note ? ` ${outcome.note}` : '';
        const what = photo && follows(figure) ? 'your photo' : 'your choice';
        setState(
          figure,
          'done',
          `Recomputed for ${what} on ${outcome.backend} in ${Math.round(outcome.ms)} ms.${note}`,
        );
      } catch (error) {
        if (run.signal.aborted) return null;
        setState(figure, 'error', `Could not recompute: ${error instanceof Error ? error.message : String(error)}`);
      }
      onProgress(figures.length - pending.size, figures.length);
    }
  } finally {
    visibility.stop();
    if (current === run) current = null;
  }
  await publishStats();
  return { figures: figures.length, backend: label };
}

/** A figure that recomputes for the reader's photo (not pinned by its author to its own image). */
export function follows(figure: HTMLElement): boolean {
  return figure.dataset.follows !== undefined;
}

/** "Computing on wasm... 40%, about 3 s left": the remaining time extrapolated from the work done so far. */
function computingText(label: string, fraction: number, started: number): string {
  const elapsed = (performance.now() - started) / 1000;
  const left = fraction > 0.05 ? `, about ${Math.ceil((elapsed * (1 - fraction)) / fraction)} s left` : '';
  return `Computing on ${label}... ${Math.round(fraction * 100)}%${left}`;
}

/** "Back to the article's photo": stops any recompute and puts the precomputed figures back. */
export async function restoreArticle(only: (figure: HTMLElement) => boolean = () => true): Promise<void> {
  stopRecompute();
  for (const figure of [...document.querySelectorAll<HTMLElement>('.ll-figure[data-recipe]')].filter(only)) {
    await restoreFigure(figure);
    setPhotoName(figure, null);
    setState(figure, 'precomputed', '');
    const button = figure.querySelector<HTMLButtonElement>('.ll-rerun');
    if (button && figure.dataset.onDemand !== undefined) button.textContent = 'Re-run live in this browser';
  }
}

/**
 * Optimisation figures (Gatys grids, the live panel) take minutes on a CPU: the reader's photo is offered to
 * them, and they run when the reader asks (their re-run button), so the quick figures are never held up.
 */
function offerOnDemand(photoName: string, only: (figure: HTMLElement) => boolean): void {
  for (const figure of [...document.querySelectorAll<HTMLElement>('.ll-figure[data-on-demand]')].filter(only)) {
    const rerun = figure.querySelector<HTMLButtonElement>('.ll-rerun');
    if (rerun) rerun.textContent = 'Run on your photo';
    const label = (rerun ?? figure.querySelector('.ll-gatys-run'))?.textContent ?? 'Run';
    setState(figure, 'ready', `Ready for ${photoName}: press "${label}" (minutes on a CPU, seconds on a GPU).`);
  }
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
