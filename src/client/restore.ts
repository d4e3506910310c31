/** "Back to the article's photo": stops any recompute and puts the precomputed figures back. */
import { liveData, nextRun, originalMarkup, setPhotoName, setReaderPhoto, setState } from './figure-state.ts';

export function restoreArticle(): void {
  nextRun();
  setReaderPhoto(null);
  for (const figure of document.querySelectorAll<HTMLElement>('.ll-figure[data-recipe]')) {
    const image = figure.querySelector<HTMLImageElement>('img[data-original]');
    if (image) {
      if (image.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
      image.src = image.dataset.original!;
      delete image.dataset.original;
    }
    const body = figure.querySelector<HTMLElement>('tbody');
    const markup = body ? originalMarkup.get(body) : undefined;
    if (body && markup !== undefined) body.innerHTML = markup;
    liveData.delete(figure);
    setPhotoName(figure, null);
    setState(figure, 'precomputed', '');
    const button = figure.querySelector<HTMLButtonElement>('.ll-rerun');
    if (button && figure.dataset.onDemand !== undefined) button.textContent = 'Re-run live in this browser';
    figure.dispatchEvent(new CustomEvent('ll-figure-updated'));
  }
}
