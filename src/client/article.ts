/**
 * The article page's script. It stays small: the lightbox, the photo control, re-run buttons, and each
 * kind's live behaviour loaded only for kinds the page shows (on load, or when a figure scrolls into view).
 * The engine (tfjs, in a worker) is imported only when a reader asks for something live.
 */
import type { RecipeKind } from '../figures/registry/types.ts';
import { LIVE } from '../figures/registry/live.ts';
import { initLightbox } from './lightbox.ts';
import { initClassPicker } from './class-picker.ts';
import { initPhotoControl } from './photo-control.ts';
import { initFigureTools } from './figure-tools.ts';

export function initArticle(): void {
  initLightbox();
  initPhotoControl();
  initClassPicker();
  initReruns();
  initFigureTools();
  wakeLiveKinds();
}

/** Optimisation figures offer a live re-run of their recipe; the engine loads on the first click. */
function initReruns(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.ll-figure[data-rerun] .ll-rerun')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      button.disabled = true;
      const { rerunFigure } = await import('./rerun.ts');
      await rerunFigure(button.closest<HTMLElement>('.ll-figure')!);
      button.disabled = false;
    });
  }
}

/** Each kind's live module wakes its figures: with the page, or when one scrolls into view. */
function wakeLiveKinds(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('.ll-figure[data-figure]')];
  const visible = new IntersectionObserver((entries) => {
    for (const entry of entries.filter((e) => e.isIntersecting)) {
      visible.unobserve(entry.target);
      void wake(entry.target as HTMLElement);
    }
  });
  for (const figure of figures) {
    const entry = LIVE[figure.dataset.figure as RecipeKind];
    if (entry?.wake === 'load') void wake(figure);
    else if (entry?.wake === 'visible') visible.observe(figure);
  }
}

async function wake(figure: HTMLElement): Promise<void> {
  const entry = LIVE[figure.dataset.figure as RecipeKind];
  if (entry) (await entry.load()).live.wake?.(figure);
}
