/**
 * The Gram matrix of one layer for the photo and for the painting, side by side: entry (i, j) is how much
 * channels i and j fire together, averaged over positions. This is all of "style" that Gatys et al. keep:
 * where things are is gone, which features co-occur remains.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ImagePixels } from '../image/preprocess.ts';
import type { Network } from '../model/network.ts';
import { gramMatrix } from '../style/gram.ts';
import { atlasLayout, blankAtlas, placeTile, type AtlasLayout, type RgbaImage } from '../visual/atlas.ts';
import { VIRIDIS } from '../visual/colormap.ts';
import type { GramRecipe } from './style-recipe.ts';

export interface GramData {
  kind: 'gram';
  layer: string;
  /** Channels shown (the first n of the layer). */
  channels: number;
  /** Row-major n x n Gram entries of the photo and of the painting. */
  photo: number[];
  painting: number[];
  /** The colour scale: sqrt(value / max), max shared by both matrices so they compare. */
  max: number;
  layout: AtlasLayout;
}

/** Pixels per matrix cell in the image. */
const CELL = 8;

export async function gramFigure(
  recipe: GramRecipe,
  network: Network,
  photo: ImagePixels,
  painting: ImagePixels,
): Promise<{ image: RgbaImage; data: GramData }> {
  const [photoGram, paintingGram] = await Promise.all(
    [photo, painting].map((pixels) => gramOf(network, pixels, recipe)),
  );
  const max = Math.max(...photoGram!, ...paintingGram!, Number.MIN_VALUE);
  const side = recipe.channels * CELL;
  const layout = atlasLayout(2, side, side, 2, 12);
  const atlas = blankAtlas(layout);
  placeTile(atlas, layout, 0, heatmap(photoGram!, recipe.channels, max));
  placeTile(atlas, layout, 1, heatmap(paintingGram!, recipe.channels, max));
  return {
    image: atlas,
    data: {
      kind: 'gram',
      layer: recipe.layer,
      channels: recipe.channels,
      photo: round(photoGram!),
      painting: round(paintingGram!),
      max,
      layout,
    },
  };
}

/** The top-left n x n block of the layer's Gram matrix for these pixels. */
async function gramOf(network: Network, pixels: ImagePixels, recipe: GramRecipe): Promise<number[]> {
  const n = recipe.channels;
  const block = tf.tidy(() => {
    const input = network.preprocess(pixels, {
      size: { width: recipe.size, height: recipe.size },
      resize: 'center-crop',
    });
    const [features] = network.forward(input, [recipe.layer]);
    return tf.slice(gramMatrix(features as tf.Tensor4D), [0, 0], [n, n]);
  });
  try {
    return [...(await block.data<'float32'>())];
  } finally {
    block.dispose();
  }
}

function heatmap(values: number[], n: number, max: number): RgbaImage {
  const side = n * CELL;
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const level = Math.round(
        Math.sqrt(Math.max(0, values[Math.floor(y / CELL) * n + Math.floor(x / CELL)]!) / max) * 255,
      );
      const p = (y * side + x) * 4;
      rgba.set([VIRIDIS[level * 3]!, VIRIDIS[level * 3 + 1]!, VIRIDIS[level * 3 + 2]!, 255], p);
    }
  }
  return { width: side, height: side, rgba };
}

/** Four significant digits: the page needs readings, not float32 noise (keeps the metadata small). */
function round(values: number[]): number[] {
  return values.map((v) => Number(v.toPrecision(4)));
}
