/**
 * Puts a live result into a figure, and the precomputed one back: the figure's image (a PNG blob from the
 * engine; the precomputed URL kept to restore), the kind's own display where it has one (table rows, a
 * chart), and the data the lightbox reads.
 */
import type { RecipeKind } from '../figures/registry/types.ts';
import { LIVE } from '../figures/registry/live.ts';
import type { Png } from './engine/protocol.ts';
import { liveData } from './figure-state.ts';
import type { Outcome } from './engine/protocol.ts';

/** The image a figure's live results replace. */
export function figureImage(figure: HTMLElement): HTMLImageElement | null {
  return figure.querySelector<HTMLImageElement>('img.ll-figure-image');
}

/** Shows a PNG in an image, keeping the precomputed URL to restore. No await on decode: a lazy image far below would wait. */
export function showPng(image: HTMLImageElement, png: Png): void {
  const url = URL.createObjectURL(png.blob);
  if (image.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
  else image.dataset.original = image.src;
  image.src = url;
}

export async function showOutcome(figure: HTMLElement, outcome: Outcome): Promise<void> {
  liveData.set(figure, outcome.data);
  const image = figureImage(figure);
  if (outcome.png && image) showPng(image, outcome.png);
  const live = LIVE[figure.dataset.figure as RecipeKind];
  if (live) (await live.load()).live.show?.(figure, outcome.data as never);
}

/** The precomputed figure back (its image, its kind's display, its data). */
export async function restoreFigure(figure: HTMLElement): Promise<void> {
  liveData.delete(figure);
  for (const image of figure.querySelectorAll<HTMLImageElement>('img[data-original]')) {
    if (image.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
    image.src = image.dataset.original!;
    delete image.dataset.original;
  }
  const live = LIVE[figure.dataset.figure as RecipeKind];
  if (live) (await live.load()).live.restore?.(figure);
}
