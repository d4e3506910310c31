/**
 * A figure kind's behaviour in the reader's browser, beyond what every figure gets (the image swapped for
 * a live result, the state line, the lightbox on atlases). Loaded lazily, only on pages that show the kind.
 */
export interface LiveKind<D> {
  /** Wakes the figure's controls; called on load or when it scrolls into view, as its registry entry says. */
  wake?(figure: HTMLElement): void;
  /** Shows a live result where swapping the image is not enough (table rows, a chart). */
  show?(figure: HTMLElement, data: D): void;
  /** Puts the precomputed version back ("back to the article's photo"). */
  restore?(figure: HTMLElement): void;
}

/** When a kind's live module loads: with the page, or when one of its figures scrolls into view. */
export type Wake = 'load' | 'visible';
