/**
 * Benchmark: how well the feature-visualisation recipe does. For a set of Tiny Darknet units: the
 * activation the recipe reaches against naive ascent at the same step count, and against the unit's
 * highest activation over the photos of images-photos; plus optimisation steps per second per backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Network } from '../../../src/engine/index.ts';
import { pixelsToRgb, resizeRgb } from '../../../src/engine/image/preprocess.ts';
import { measureUnderTransforms } from '../../../src/engine/dream/evaluate.ts';
import { toModelInput } from '../../../src/engine/dream/model-input.ts';
import { beforeNonLinearity, channel, type Objective } from '../../../src/engine/dream/objectives.ts';
import { visualize, visualizeNaive, type DreamResult } from '../../../src/engine/dream/visualize.ts';
import { PROFILES } from '../../../src/figures/profiles.ts';
import { initNodeBackend, loadModel } from '../../../src/node/engine.ts';
import { decodeImageFile } from '../../../src/node/image.ts';
import { packDir } from '../../../src/node/paths.ts';
import { median, round } from './timing.ts';

/** Units measured: two each of a shallow, a middle and a deep layer (the article's layers). */
const UNITS: [string, number][] = [
  ['conv2d_2', 3],
  ['conv2d_2', 9],
  ['conv2d_6', 8],
  ['conv2d_6', 33],
  ['conv2d_12', 41],
  ['conv2d_12', 150],
];

/**
 * Activations are measured two ways: on the image as it is ("plain"), and as the mean over 8 random small
 * transforms (shift, scale, rotation: the draws the recipe trains under). Naive ascent wins the plain
 * measure with pixel patterns that a one-pixel shift destroys; the robust measure is the headline.
 */
export interface DreamUnitBench {
  unit: string;
  recipe: number;
  naive: number;
  photoMax: number;
  photo: string;
  recipePlain: number;
  naivePlain: number;
}

export interface DreamBench {
  size: number;
  steps: number;
  units: DreamUnitBench[];
  /**
   * Median over the units of recipe activation / naive activation, same steps (robust measure), over the
   * units where naive ascent ends positive (a ratio to a negative number says nothing; those units are
   * counted in recipeWins).
   */
  recipeOverNaive: number;
  /** The same on the plain images. */
  recipeOverNaivePlain: number;
  /**
   * Median over the units of recipe activation / the unit's best activation on any photo patch with the
   * dream's field of view (an 80x80 window of a 224x224 photo: a whole photo's mean is negative for deep
   * units, which fire on small parts), over the units whose best patch is positive.
   */
  recipeOverPhotoMax: number;
  /** How many units the recipe's dream excites more than any photo patch. */
  recipeBeatsPhotos: string;
  /** How many units the recipe beats naive ascent on (robust measure). */
  recipeWins: string;
  /** Optimisation steps per second (recipe, this size), keyed by backend. */
  stepsPerSecond: Record<string, number>;
}

export async function benchDream(): Promise<DreamBench> {
  const { size, steps } = PROFILES.cpu.dream;
  await initNodeBackend('wasm');
  const network = await loadModel('tiny-darknet', { upTo: ['conv2d_12'] });
  const photos = await loadPhotos(224);
  const units: DreamUnitBench[] = [];
  const rates: number[] = [];
  try {
    for (const [layer, index] of UNITS) {
      const objective = channel(beforeNonLinearity(network, layer), index);
      const recipe = await visualize(network, objective, { width: size, height: size, steps, seed: 0 });
      const naive = await visualizeNaive(network, objective, { width: size, height: size, steps, seed: 0 });
      rates.push(recipe.stepsPerSecond);
      const window = await mapSize(network, objective.layers[0]!, size);
      let best = { value: -Infinity, photo: '' };
      for (const [name, rgb] of photos) {
        const value = await bestPatch(network, objective.layers[0]!, index, rgb, window);
        if (value > best.value) best = { value, photo: name };
      }
      units.push({
        unit: `${layer}:${index}`,
        recipe: round(await robust(network, objective, recipe, size), 3),
        naive: round(await robust(network, objective, naive, size), 3),
        photoMax: round(best.value, 3),
        photo: best.photo,
        recipePlain: round(recipe.objective, 3),
        naivePlain: round(naive.objective, 3),
      });
    }
  } finally {
    tf.dispose([...photos.values()]);
    network.dispose();
  }
  return {
    size,
    steps,
    units,
    recipeOverNaive: round(median(units.filter((u) => u.naive > 0).map((u) => u.recipe / u.naive)), 3),
    recipeOverNaivePlain: round(median(units.map((u) => u.recipePlain / u.naivePlain)), 3),
    recipeOverPhotoMax: round(median(units.filter((u) => u.photoMax > 0).map((u) => u.recipe / u.photoMax)), 3),
    recipeBeatsPhotos: `${units.filter((u) => u.recipe > u.photoMax).length} of ${units.length}`,
    recipeWins: `${units.filter((u) => u.recipe > u.naive).length} of ${units.length}`,
    stepsPerSecond: { wasm: round(median(rates)), cpu: round(await cpuStepsPerSecond(size)) },
  };
}

/** A dream's activation under the 8 standard random transforms. */
async function robust(network: Network, objective: Objective, result: DreamResult, size: number): Promise<number> {
  const rgb = tf.tensor4d(result.pixels, [1, size, size, 3]);
  try {
    return await measureUnderTransforms(network, objective, rgb);
  } finally {
    rgb.dispose();
  }
}

/** Spatial size of a layer's map for a size x size input. */
async function mapSize(network: Network, layer: string, size: number): Promise<number> {
  const out = tf.tidy(() => network.forward(tf.zeros([1, size, size, 3]) as tf.Tensor4D, [layer])[0]!);
  const side = out.shape[1]!;
  out.dispose();
  return side;
}

/** The unit's best mean activation over any window x window patch of its map for this photo. */
async function bestPatch(
  network: Network,
  layer: string,
  unit: number,
  rgb: tf.Tensor4D,
  window: number,
): Promise<number> {
  const best = tf.tidy(() => {
    const map = network.forward(toModelInput(rgb, network.spec.preprocessing), [layer])[0]! as tf.Tensor4D;
    const channelMap = tf.slice(map, [0, 0, 0, unit], [1, -1, -1, 1]);
    return tf.max(tf.avgPool(channelMap as tf.Tensor4D, Math.min(window, map.shape[1]!), 1, 'valid'));
  });
  const value = (await best.data())[0]!;
  best.dispose();
  return value;
}

/** Every photo of the store at the network's input size, as the objective sees images: RGB in [0, 1]. */
async function loadPhotos(size: number): Promise<Map<string, tf.Tensor4D>> {
  const folder = packDir('images-photos');
  const photos = new Map<string, tf.Tensor4D>();
  for (const file of (await readdir(folder)).sort()) {
    const pixels = await decodeImageFile(path.join(folder, file));
    photos.set(
      file,
      tf.tidy(
        () =>
          tf.expandDims(
            tf.div(resizeRgb(pixelsToRgb(pixels), { width: size, height: size }, 'squash'), 255),
            0,
          ) as tf.Tensor4D,
      ),
    );
  }
  return photos;
}

/** The cpu backend is far slower: a short run of a middle-layer unit is enough to measure it. */
async function cpuStepsPerSecond(size: number): Promise<number> {
  await initNodeBackend('cpu');
  const network: Network = await loadModel('tiny-darknet', { upTo: ['conv2d_6'] });
  try {
    const result = await visualize(network, channel(beforeNonLinearity(network, 'conv2d_6'), 8), {
      width: size,
      height: size,
      steps: 2,
      seed: 0,
    });
    return result.stepsPerSecond;
  } finally {
    network.dispose();
    await initNodeBackend('wasm');
  }
}
