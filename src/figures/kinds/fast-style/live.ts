/**
 * The fast-style picker: one network on the current photo (the reader's, once given) at up to 512 px, run
 * by the page's engine as a one-tile fast-style recipe. Without JavaScript the picker stays hidden.
 */
import { readerPhoto } from '../../../client/figure-state.ts';
import { showPng } from '../../../client/figure-view.ts';
import { liveEngine, withReaderPhoto } from '../../../client/live-engine.ts';
import type { LiveKind } from '../../contract/live.ts';
import type { FastStyleData, FastStyleRecipe } from './recipe.ts';

const LARGE_SIDE = 512;

export const live: LiveKind<FastStyleData> = {
  wake(figure) {
    const picker = figure.querySelector<HTMLElement>('.ll-fast-picker');
    if (!picker) return;
    picker.hidden = false;
    const button = picker.querySelector<HTMLButtonElement>('.ll-fast-run')!;
    button.addEventListener('click', async () => {
      button.disabled = true;
      await stylizeLarge(figure, picker);
      button.disabled = false;
    });
  },
};

async function stylizeLarge(figure: HTMLElement, picker: HTMLElement): Promise<void> {
  const recipe = JSON.parse(figure.dataset.recipe!) as FastStyleRecipe;
  const status = picker.querySelector<HTMLElement>('.ll-fast-status')!;
  const select = picker.querySelector<HTMLSelectElement>('select')!;
  // Created on first use: an <img> without a source would be an empty, broken image in the page.
  const image =
    picker.querySelector<HTMLImageElement>('.ll-fast-large') ??
    picker.appendChild(Object.assign(document.createElement('img'), { className: 'll-fast-large' }));
  const name = select.selectedOptions[0]?.textContent ?? select.value;
  status.textContent = `Loading ${name}...`;
  try {
    const { client } = await liveEngine();
    const one: FastStyleRecipe = { ...recipe, model: select.value, styles: [select.value], maxSide: LARGE_SIDE };
    const outcome = await client.compute(withReaderPhoto(one));
    showPng(image, outcome.png!);
    image.alt = `${readerPhoto()?.name ?? "The article's photo"} in the style of ${name}.`;
    status.textContent = `${name}: ${outcome.png!.width}×${outcome.png!.height} in ${Math.round(outcome.ms)} ms on ${outcome.backend}.`;
    picker.dataset.state = 'done';
  } catch (error) {
    status.textContent = `Could not stylise: ${error instanceof Error ? error.message : String(error)}`;
    picker.dataset.state = 'error';
  }
}
