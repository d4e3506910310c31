/** The credit line follows the photo: a reader's photo is theirs (and stays on their device). */
import type { LiveKind } from '../../contract/live.ts';
import type { InputPhotoData } from './recipe.ts';

const precomputed = new WeakMap<HTMLElement, string>();

export const live: LiveKind<InputPhotoData> = {
  show(figure) {
    const credit = figure.querySelector<HTMLElement>('.ll-photo-credit');
    if (!credit) return;
    if (!precomputed.has(credit)) precomputed.set(credit, credit.innerHTML);
    credit.textContent = 'Your photo: it stays on this device.';
  },
  restore(figure) {
    const credit = figure.querySelector<HTMLElement>('.ll-photo-credit');
    const original = credit && precomputed.get(credit);
    if (credit && typeof original === 'string') credit.innerHTML = original;
  },
};
