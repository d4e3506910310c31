/** A figure's visible state, and the data of its live recompute (shared by the recompute and the lightbox). */
import type { FigureData } from '../engine/figures/compute.ts';
import type { ImagePixels } from '../engine/image/preprocess.ts';

export type FigureState = 'precomputed' | 'waiting' | 'ready' | 'computing' | 'done' | 'error';

/** Figure data of the reader's photo, when recomputed (otherwise the precomputed metadata file applies). */
export const liveData = new WeakMap<HTMLElement, FigureData>();

/** Markup of a figure's table before the first recompute (to restore the precomputed version). */
export const originalMarkup = new WeakMap<HTMLElement, string>();

/** Names the photo a figure shows in its recipe line (null: the article's own). */
export function setPhotoName(figure: HTMLElement, name: string | null): void {
  const span = figure.querySelector<HTMLElement>('.ll-recipe-photo');
  if (span) span.textContent = name ?? span.dataset.original ?? '';
}

export function setState(figure: HTMLElement, state: FigureState, text: string): void {
  const line = figure.querySelector<HTMLElement>('.ll-state');
  if (line && figure.dataset.state === 'precomputed' && !line.dataset.precomputed)
    line.dataset.precomputed = line.textContent ?? '';
  figure.dataset.state = state;
  if (line) line.textContent = state === 'precomputed' ? (line.dataset.precomputed ?? text) : text;
}

let photo: { pixels: ImagePixels; name: string } | null = null;

/** The reader's photo the figures show, or null for the article's own. */
export function readerPhoto(): { pixels: ImagePixels; name: string } | null {
  return photo;
}

export function setReaderPhoto(value: { pixels: ImagePixels; name: string } | null): void {
  photo = value;
}

let run = 0;

/** Starts a new recompute run; any run still going sees it is no longer current and stops. */
export function nextRun(): number {
  return ++run;
}

/** The current run's id (a live re-run checks it to stop when the photo changes). */
export function currentRunId(): number {
  return run;
}

export function isCurrent(id: number): boolean {
  return id === run;
}

/** Figure data for the lightbox: the live recompute's, or the precomputed metadata file. */
export async function figureData(figure: HTMLElement): Promise<FigureData | null> {
  const live = liveData.get(figure);
  if (live) return live;
  const url = figure.dataset.meta;
  if (!url) return null;
  return ((await (await fetch(url)).json()) as { data: FigureData }).data;
}
