/**
 * Figures whose text sits beside their image (attribution, image-set figures) in the reader's browser: the
 * image is swapped by every figure's machinery; this rewrites the HTML around it from the new data (the
 * same markup function the server used), and puts the precomputed text back with the article's photo.
 */
import type { LiveKind } from '../contract/live.ts';

const precomputed = new WeakMap<HTMLElement, string>();

/** A live module whose text is `markup(data)` inside the figure's `holder` element (attribution's by default). */
export function textLive<D>(markup: (data: D) => string, holderSelector = '.ll-attr-text'): LiveKind<D> {
  return {
    show(figure, data) {
      const holder = figure.querySelector<HTMLElement>(holderSelector);
      if (!holder) return;
      if (!precomputed.has(holder)) precomputed.set(holder, holder.innerHTML);
      holder.innerHTML = markup(data);
    },
    restore(figure) {
      const holder = figure.querySelector<HTMLElement>(holderSelector);
      const original = holder && precomputed.get(holder);
      if (holder && typeof original === 'string') holder.innerHTML = original;
    },
  };
}
