/**
 * "Re-run live": an optimisation figure's recipe run again in the reader's browser, frames streaming into
 * the figure. Dreams re-run their recipe (same seed and steps) and end on the precomputed image; style
 * figures run on the current photo (the reader's, once given). Loaded on first click.
 */
import type { Recipe } from '../figures/registry/types.ts';
import { readerPhoto } from './figure-state.ts';
import { runLive } from './live-run.ts';

export async function rerunFigure(figure: HTMLElement): Promise<void> {
  const recipe = JSON.parse(figure.dataset.rerun!) as Recipe;
  // A figure pinned by its author to its image runs on that image, whatever photo the reader gave.
  const pinnedTo = 'image' in recipe && figure.dataset.follows === undefined ? recipe.image.split('/').pop() : null;
  const what =
    'image' in recipe
      ? `for ${pinnedTo ?? readerPhoto()?.name ?? "the article's photo"}`
      : `from the same recipe${'seed' in recipe ? ` (seed ${recipe.seed})` : ''}`;
  const frameEvery = 'style' in recipe ? 2 : 4;
  await runLive(figure, recipe, {
    frameEvery,
    doneText: (outcome, seconds) => `Ran live on ${outcome.backend} in ${seconds.toFixed(1)} s ${what}.`,
  });
}
