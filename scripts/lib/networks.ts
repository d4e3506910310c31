/**
 * The precompute's models and images: each model loaded once, only as deep as its figures need; each photo
 * decoded once and run through each model once (all of its figures' layers in one forward pass).
 */
import path from 'node:path';
import {
  PhotoAnalysis,
  computeFigure,
  computeStyleFigure,
  isStyleRecipe,
  loadDepth,
  recipeLayers,
  usesPhoto,
  type FigureResult,
  type ImagePixels,
  type Network,
  type Recipe,
} from '../../src/engine/index.ts';
import type { FastStyleNetwork } from '../../src/engine/style/fast-style.ts';
import { loadFastStyleModel, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { packDir } from '../../src/node/paths.ts';

function imagePath(ref: string): string {
  const [pack, ...rest] = ref.split('/');
  return path.join(packDir(pack!), ...rest);
}

export class Networks {
  private readonly loaded = new Map<string, Promise<Network>>();
  private readonly photos = new Map<string, Promise<PhotoAnalysis>>();
  private readonly images = new Map<string, Promise<ImagePixels>>();
  private readonly fast = new Map<string, Promise<FastStyleNetwork>>();
  constructor(private readonly recipes: Recipe[]) {}

  /** A figure's result: style figures from their images and networks, the others from the photo's analysis. */
  async compute(recipe: Recipe, onWork: (fraction: number) => void): Promise<FigureResult> {
    if (isStyleRecipe(recipe)) {
      const [network, content, style] = await Promise.all([
        recipe.kind === 'fast-style' ? undefined : this.get(recipe.model),
        this.pixels(recipe.image),
        'style' in recipe ? this.pixels(recipe.style) : undefined,
      ]);
      return computeStyleFigure(recipe, { network, content, style, fastStyle: (id) => this.fastStyle(id) }, { onWork });
    }
    const network = await this.get(recipe.model);
    return computeFigure(recipe, network, usesPhoto(recipe) ? await this.photo(recipe.model, recipe.image) : undefined);
  }

  pixels(ref: string): Promise<ImagePixels> {
    let pixels = this.images.get(ref);
    if (!pixels) {
      pixels = decodeImageFile(imagePath(ref));
      this.images.set(ref, pixels);
    }
    return pixels;
  }

  fastStyle(id: string): Promise<FastStyleNetwork> {
    let network = this.fast.get(id);
    if (!network) {
      network = loadFastStyleModel(id);
      this.fast.set(id, network);
    }
    return network;
  }

  photo(model: string, image: string): Promise<PhotoAnalysis> {
    const key = `${model}|${image}`;
    let photo = this.photos.get(key);
    if (!photo) {
      const layers = [
        ...new Set(
          this.recipes.filter((r) => r.model === model && usesPhoto(r) && r.image === image).flatMap(recipeLayers),
        ),
      ];
      photo = Promise.all([this.get(model), this.pixels(image)]).then(
        ([network, pixels]) => new PhotoAnalysis(network, pixels, layers),
      );
      this.photos.set(key, photo);
    }
    return photo;
  }

  get(model: string): Promise<Network> {
    let network = this.loaded.get(model);
    if (!network) {
      network = loadModel(model, { upTo: loadDepth(this.recipes.filter((r) => r.model === model)) });
      this.loaded.set(model, network);
    }
    return network;
  }

  dispose(): void {
    // A load that failed has nothing to free (and its error is reported where it was awaited).
    for (const network of [...this.loaded.values(), ...this.fast.values()]) {
      network.then(
        (n) => n.dispose(),
        () => undefined,
      );
    }
  }
}
