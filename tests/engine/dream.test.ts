/**
 * Feature visualisation engine on the real Tiny Darknet weights, wasm backend (the one without a GPU that
 * has every input-gradient kernel the engine uses). Small images and few steps keep the file fast on two
 * cores; the claims are the ones a reader is shown: the recipe beats naive pixels at equal steps,
 * objectives do what they say, DeepDream amplifies a photo, and nothing leaks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { deepDreamPhoto, octaveSizes } from '../../src/engine/dream/deepdream.ts';
import { measureObjective, measureUnderTransforms } from '../../src/engine/dream/evaluate.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { fourierImage } from '../../src/engine/dream/param.ts';
import {
  beforeNonLinearity,
  channel,
  classLogit,
  deepDream,
  logitsLayer,
  mix,
  neuron,
  sum,
} from '../../src/engine/dream/objectives.ts';
import { visualize, visualizeNaive, type DreamFrame } from '../../src/engine/dream/visualize.ts';
import { toModelInput } from '../../src/engine/dream/model-input.ts';
import { normalise } from '../../src/engine/image/preprocess.ts';
import { modelSpec } from '../../src/registry/index.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { photoPath } from '../helpers/images.ts';

let network: Network;
let baseline: number;

beforeAll(async () => {
  await initNodeBackend('wasm');
  await ensureGradients();
  network = await loadModel('tiny-darknet', { from: 'mirror' });
  baseline = tf.memory().numTensors;
});

afterAll(() => network.dispose());

function maxDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('model input', () => {
  it("maps RGB in [0, 1] to each model's input as the engine's preprocessing does (VGG19: BGR, 0..255, mean)", () => {
    for (const id of ['tiny-darknet', 'vgg19']) {
      const prep = modelSpec(id).preprocessing;
      const worst = tf.tidy(() => {
        const rgb = tf.randomUniform([8, 8, 3], 0, 255, 'float32', 2) as tf.Tensor3D;
        const ours = toModelInput(tf.expandDims(tf.div(rgb, 255), 0) as tf.Tensor4D, prep);
        return tf.max(tf.abs(tf.sub(ours, normalise(rgb, prep)))).dataSync()[0]!;
      });
      expect(worst, id).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('objectives', () => {
  it('names the pre-non-linearity layer and the logits layer of Tiny Darknet', () => {
    expect(beforeNonLinearity(network, 'conv2d_6')).toBe('batch_normalization_6');
    expect(logitsLayer(network)).toBe('global_average_pooling2d_1');
  });

  it('a weighted mix equals the weighted sum of its parts on a fixed image', async () => {
    const image = tf.tidy(() =>
      fourierImage({ width: 64, height: 64 }).render(tf.randomNormal([3 * 64, 2 * 33], 0, 1, 'float32', 5)),
    );
    const parts = [
      channel('batch_normalization_6', 3),
      deepDream('conv2d_4'),
      classLogit(logitsLayer(network), 1),
      neuron('conv2d_8', 7),
    ];
    const weights = [2, -0.5, 1, 0.25];
    const values = await Promise.all(parts.map((p) => measureObjective(network, p, image)));
    const mixed = await measureObjective(
      network,
      mix(parts.map((objective, i) => ({ objective, weight: weights[i]! }))),
      image,
    );
    const expected = values.reduce((s, v, i) => s + weights[i]! * v, 0);
    expect(mixed).toBeCloseTo(expected, 4);
    expect(await measureObjective(network, sum(parts[0]!, parts[1]!), image)).toBeCloseTo(values[0]! + values[1]!, 4);
    image.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('feature visualisation', () => {
  const unit = channel('batch_normalization_6', 10);

  it('gives the same image for the same seed, another for another seed', async () => {
    const options = { width: 64, height: 64, steps: 12 };
    const a = await visualize(network, unit, { ...options, seed: 1 });
    const b = await visualize(network, unit, { ...options, seed: 1 });
    const c = await visualize(network, unit, { ...options, seed: 2 });
    expect(a.pixels).toHaveLength(64 * 64 * 3);
    expect(a.image.rgba).toHaveLength(64 * 64 * 4);
    expect(maxDifference(a.pixels, b.pixels)).toBeLessThan(1e-5);
    expect(maxDifference(a.pixels, c.pixels)).toBeGreaterThan(0.01);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  /*
   * The brief expected the recipe to reach the higher activation measured on the plain image. Measured,
   * it does not: naive pixels optimise exactly that image and win on it (every unit here, and at 128 px /
   * 128 steps on conv2d_6 too). The recipe wins where it aims to: on the same image shifted, scaled and
   * rotated a little. Both facts are asserted so a change to either shows up.
   */
  it('at equal steps, naive pixels win on the plain image, the recipe wins under small transforms', async () => {
    const results: {
      unit: number;
      recipe: number;
      naive: number;
      recipeTransformed: number;
      naiveTransformed: number;
    }[] = [];
    for (const index of RECIPE_UNITS) {
      const objective = channel('batch_normalization_6', index);
      const options = { width: RECIPE_SIZE, height: RECIPE_SIZE, steps: RECIPE_STEPS, seed: 1 };
      const recipe = await visualize(network, objective, options);
      const naive = await visualizeNaive(network, objective, options);
      results.push({
        unit: index,
        recipe: recipe.objective,
        naive: naive.objective,
        recipeTransformed: await transformed(objective, recipe.pixels),
        naiveTransformed: await transformed(objective, naive.pixels),
      });
      expect(tf.memory().numTensors).toBe(baseline);
    }
    console.log('recipe vs naive, batch_normalization_6, 64 px, 48 steps:', results);
    const most = (won: (r: (typeof results)[number]) => boolean) => results.filter(won).length > results.length / 2;
    expect(
      most((r) => r.recipeTransformed > r.naiveTransformed),
      JSON.stringify(results),
    ).toBe(true);
    expect(
      most((r) => r.naive > r.recipe),
      JSON.stringify(results),
    ).toBe(true);
  });

  it('raises a class logit', async () => {
    const goldfish = classLogit(logitsLayer(network), network.labels.indexOf('goldfish'));
    const options = { width: 64, height: 64, seed: 3 };
    const start = await visualize(network, goldfish, { ...options, steps: 0 });
    const end = await visualize(network, goldfish, { ...options, steps: 24 });
    expect(end.objective).toBeGreaterThan(start.objective + 1);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('delivers frames and stops early when aborted, leaking nothing', async () => {
    const controller = new AbortController();
    const frames: DreamFrame[] = [];
    const run = visualize(network, unit, {
      width: 48,
      height: 48,
      steps: 50,
      frameEvery: 2,
      signal: controller.signal,
      onFrame: (frame) => {
        frames.push(frame);
        if (frame.step === 4) controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(frames.map((f) => f.step)).toEqual([2, 4]);
    expect(frames[0]!.image).toMatchObject({ width: 48, height: 48 });
    expect(tf.memory().numTensors).toBe(baseline);
    // A timer's abort lands between steps too (the loop yields to the event loop each step).
    const timed = new AbortController();
    setTimeout(() => timed.abort(), 50);
    let last = 0;
    await expect(
      visualize(network, unit, {
        width: 48,
        height: 48,
        steps: 500,
        frameEvery: 1,
        onFrame: (f) => void (last = f.step),
        signal: timed.signal,
      }),
    ).rejects.toThrow();
    expect(last).toBeLessThan(500);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('DeepDream on a photo', () => {
  it('raises the DeepDream objective and keeps the photo size', async () => {
    const photo = await decodeImageFile(photoPath('chelsea.png'));
    expect(octaveSizes(photo, 3, 1.4, 32).at(-1)).toEqual([photo.height, photo.width]);
    const result = await deepDreamPhoto(network, photo, deepDream('conv2d_5'), {
      octaves: 3,
      stepsPerOctave: 3,
      seed: 1,
    });
    expect(result.image).toMatchObject({ width: photo.width, height: photo.height });
    expect(result.image.rgba).toHaveLength(photo.width * photo.height * 4);
    expect(result.steps).toBe(9);
    expect(result.after).toBeGreaterThan(result.before * 1.1);
    console.log(
      `DeepDream conv2d_5 on chelsea.png: ${result.before.toFixed(3)} -> ${result.after.toFixed(3)}, ${result.stepsPerSecond.toFixed(2)} steps/s`,
    );
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

const RECIPE_UNITS = [0, 10, 50, 100];
const RECIPE_SIZE = 64;
const RECIPE_STEPS = 48;

/** The objective averaged over 8 fixed random transforms of an image given as RGB floats. */
async function transformed(objective: ReturnType<typeof channel>, pixels: Float32Array): Promise<number> {
  const image = tf.tensor4d(pixels, [1, RECIPE_SIZE, RECIPE_SIZE, 3]);
  try {
    return await measureUnderTransforms(network, objective, image);
  } finally {
    image.dispose();
  }
}
