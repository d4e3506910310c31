/** The fast-style picker: one network on the current photo (the reader's, once given) at up to 512 px. */
import type { FastStyleRecipe } from '../engine/index.ts';
import { startBackend } from './browser-engine.ts';
import { readerPhoto } from './figure-state.ts';
import { showImage } from './show-image.ts';
import { currentContent, fastStyle } from './style-compute.ts';

const LARGE_SIDE = 512;

export async function stylizeLarge(figure: HTMLElement, requested: string | null): Promise<void> {
  const recipe = JSON.parse(figure.dataset.recipe!) as FastStyleRecipe;
  const picker = figure.querySelector<HTMLElement>('.ll-fast-picker')!;
  const status = picker.querySelector<HTMLElement>('.ll-fast-status')!;
  const select = picker.querySelector<HTMLSelectElement>('select')!;
  // Created on first use: an <img> without a source would be an empty, broken image in the page.
  const image =
    picker.querySelector<HTMLImageElement>('.ll-fast-large') ??
    picker.appendChild(Object.assign(document.createElement('img'), { className: 'll-fast-large' }));
  const name = select.selectedOptions[0]?.textContent ?? select.value;
  status.textContent = `Loading ${name}...`;
  try {
    const backend = await startBackend((requested as never) ?? 'auto');
    const [network, content] = await Promise.all([fastStyle(select.value), currentContent(recipe)]);
    const started = performance.now();
    const result = await network.stylize(content, { maxSide: LARGE_SIDE });
    const ms = performance.now() - started;
    await showImage(image, result);
    image.alt = `${readerPhoto()?.name ?? "The article's photo"} in the style of ${name}.`;
    status.textContent = `${name}: ${result.width}×${result.height} in ${Math.round(ms)} ms on ${backend.name}.`;
    picker.dataset.state = 'done';
  } catch (error) {
    status.textContent = `Could not stylise: ${error instanceof Error ? error.message : String(error)}`;
    picker.dataset.state = 'error';
  }
}
