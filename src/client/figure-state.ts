/** A figure's visible state, the data of its live result (for the lightbox and charts), and the reader's photo. */
import type { FigureData } from '../figures/registry/types.ts';

export type FigureState = 'precomputed' | 'waiting' | 'ready' | 'computing' | 'done' | 'error';

/** Figure data of a live result (otherwise the precomputed metadata file applies). */
export const liveData = new WeakMap<HTMLElement, FigureData>();

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

/** The reader's photo, as the engine keeps it (a ref recipes can name), or null for the article's own. */
export interface ReaderPhoto {
  ref: string;
  name: string;
}

let photo: ReaderPhoto | null = null;
let photoChanged = new AbortController();

export function readerPhoto(): ReaderPhoto | null {
  return photo;
}

/** A new photo (or none) makes every live run on the old one stale: their signal aborts. */
export function setReaderPhoto(value: ReaderPhoto | null): void {
  photo = value;
  photoChanged.abort(new Error('stopped: the photo changed'));
  photoChanged = new AbortController();
}

/** A class the reader picked for the figures that follow the photo's top class, or null (the top class). */
export interface ReaderClass {
  index: number;
  label: string;
  /** The model whose classes these are. */
  model: string;
}

let chosenClass: ReaderClass | null = null;

export function readerClass(): ReaderClass | null {
  return chosenClass;
}

export function setReaderClass(value: ReaderClass | null): void {
  chosenClass = value;
}

/** Aborts when the reader's photo changes. */
export function photoSignal(): AbortSignal {
  return photoChanged.signal;
}

/** Figure data for the lightbox and charts: the live result's, or the precomputed metadata file. */
export async function figureData(figure: HTMLElement): Promise<FigureData | null> {
  const live = liveData.get(figure);
  if (live) return live;
  const url = figure.dataset.meta;
  if (!url) return null;
  return ((await (await fetch(url)).json()) as { data: FigureData }).data;
}
