/**
 * Style figures in the reader's browser: the same computeStyleFigure as the build, fed with the page's
 * VGG19, the painting and the fast-style networks fetched from the site, and the current photo (the
 * reader's, or the article's own fetched from the site).
 */
import {
  computeStyleFigure,
  HttpSource,
  styleRecipeLayers,
  type FigureResult,
  type ImagePixels,
  type StyleRecipe,
} from '../engine/index.ts';
import { loadFastStyle, type FastStyleNetwork } from '../engine/style/fast-style.ts';
import type { DreamProgress } from '../engine/figures/dream-figures.ts';
import { dataUrl, loadNetwork } from './browser-engine.ts';
import { pageModelSpec } from './page-models.ts';
import { decodeImage } from './photo-input.ts';
import { readerPhoto } from './figure-state.ts';

const images = new Map<string, Promise<ImagePixels>>();
const fastNetworks = new Map<string, Promise<FastStyleNetwork>>();

/** A site image ("<pack>/<file>") decoded as the build decodes it (no colour conversion, full size). */
export function siteImage(ref: string): Promise<ImagePixels> {
  let pixels = images.get(ref);
  if (!pixels) {
    const [pack, ...file] = ref.split('/');
    pixels = fetch(dataUrl(pack!, file.join('/'))).then(async (response) => {
      if (!response.ok) throw new Error(`${ref}: HTTP ${response.status}`);
      return decodeImage(await response.blob());
    });
    images.set(ref, pixels);
  }
  return pixels;
}

export function fastStyle(id: string): Promise<FastStyleNetwork> {
  let network = fastNetworks.get(id);
  if (!network) {
    network = loadFastStyle(pageModelSpec(id), new HttpSource(dataUrl(id)));
    fastNetworks.set(id, network);
  }
  return network;
}

/** The photo figures show now: the reader's when given, else the recipe's own. */
export function currentContent(recipe: StyleRecipe): Promise<ImagePixels> {
  const photo = readerPhoto();
  return photo ? Promise.resolve(photo.pixels) : siteImage(recipe.image);
}

export async function computeStyleInBrowser(
  recipe: StyleRecipe,
  content: ImagePixels,
  progress: DreamProgress = {},
): Promise<FigureResult> {
  const [network, style] = await Promise.all([
    recipe.kind === 'fast-style' ? undefined : loadNetwork(pageModelSpec(recipe.model), styleRecipeLayers(recipe)),
    'style' in recipe ? siteImage(recipe.style) : undefined,
  ]);
  return computeStyleFigure(recipe, { network, content, style, fastStyle }, progress);
}
