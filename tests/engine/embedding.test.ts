/**
 * The embedding module: cut-outs on a background, pooled features, neighbours and their measures, the
 * PCA and UMAP layouts, a new image placed on a fitted map and a unit's patch. The synthetic cases pin the
 * arithmetic; the corpus cases check, on a subset of the corpus through Tiny Darknet, that feature space
 * is what the figures claim it is: better than pixel space at retrieving same-label neighbours, and kept
 * by the map well enough to place a new image among its neighbours.
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../src/engine/index.ts';
import { modelView } from '../../src/engine/attribution/model-view.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { mulberry32 } from '../../src/engine/dream/random.ts';
import { CUTOUT_BACKGROUND, cutoutOnBackground } from '../../src/engine/embedding/cutout.ts';
import { featuresOf, layerFeatures } from '../../src/engine/embedding/features.ts';
import { layout, pca2 } from '../../src/engine/embedding/layout.ts';
import {
  allNeighbours,
  cosineNeighbours,
  euclideanNeighbours,
  neighbourhoodPreservation,
  precisionAtK,
  type VectorSet,
} from '../../src/engine/embedding/neighbours.ts';
import { unitPatch } from '../../src/engine/embedding/patch.ts';
import { PIXEL_VECTOR_SIDE, pixelVector } from '../../src/engine/embedding/pixel-vector.ts';
import { placePoint } from '../../src/engine/embedding/place.ts';
import { receptiveField, unitBox } from '../../src/engine/embedding/receptive-field.ts';
import type { ImagePixels } from '../../src/engine/image/preprocess.ts';
import { initNodeBackend, loadModel } from '../../src/node/engine.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { imageSet, type ImageSetEntry } from '../../src/registry/index.ts';
import { imagesRoot } from '../helpers/images.ts';

const LAYER = 'conv2d_15';

let darknet: Network;

beforeAll(async () => {
  await initNodeBackend('wasm');
  await ensureGradients();
  darknet = await loadModel('tiny-darknet', { from: 'mirror' });
});

afterAll(() => darknet?.dispose());

const corpusFile = (entry: ImageSetEntry) => path.join(imagesRoot(), 'corpus', entry.file);
const labelOf = (entry: ImageSetEntry) => entry.subcategory ?? entry.category;

/** Pixel (x, y) of an RGB image as [r, g, b]. */
const rgbAt = (image: ImagePixels, x: number, y: number) =>
  Array.from(image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3));

/** Pearson's correlation. */
function correlation(a: number[], b: number[]): number {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

/** Every pairwise Euclidean distance of a flat [x0, y0, x1, y1, ...] (or wider) point array. */
function pairwiseDistances(points: ArrayLike<number>, dim: number): number[] {
  const n = points.length / dim;
  const out: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let sum = 0;
      for (let d = 0; d < dim; d++) sum += (points[i * dim + d]! - points[j * dim + d]!) ** 2;
      out.push(Math.sqrt(sum));
    }
  return out;
}

/** Rows of n gaussian-ish values (sum of uniforms), seeded. */
function randomRows(n: number, dim: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n * dim }, () => random() + random() + random() - 1.5);
}

describe('cutoutOnBackground', () => {
  it('centres a non-square RGBA image on a square and blends its transparency exactly', () => {
    // 4 x 2: one row of background above and one below.
    // prettier-ignore
    const data = Uint8Array.from([
      255, 0, 0, 255,   0, 0, 255, 0,        100, 50, 10, 128,  10, 20, 30, 255,
      0, 255, 0, 64,    200, 200, 200, 255,  0, 0, 0, 128,      255, 255, 255, 128,
    ]);
    const out = cutoutOnBackground({ width: 4, height: 2, channels: 4, data });
    expect(out).toMatchObject({ width: 4, height: 4, channels: 3 });
    expect(out.data.length).toBe(4 * 4 * 3);
    const bg = [...CUTOUT_BACKGROUND];
    expect(bg).toEqual([200, 200, 200]);
    for (const y of [0, 3]) for (let x = 0; x < 4; x++) expect(rgbAt(out, x, y), `(${x}, ${y})`).toEqual(bg);
    // round((value * alpha + 200 * (255 - alpha)) / 255)
    expect([0, 1, 2, 3].map((x) => rgbAt(out, x, 1))).toEqual([
      [255, 0, 0],
      [200, 200, 200],
      [150, 125, 105],
      [10, 20, 30],
    ]);
    expect([0, 1, 2, 3].map((x) => rgbAt(out, x, 2))).toEqual([
      [150, 214, 150],
      [200, 200, 200],
      [100, 100, 100],
      [228, 228, 228],
    ]);
  });

  it('takes a tall image and another background', () => {
    // 2 x 5 on a 5 x 5 square: left = floor(3 / 2) = 1, so columns 1 and 2, two background columns after.
    const data = new Uint8Array(2 * 5 * 4).fill(255);
    data.set([0, 0, 0, 0], (4 * 2 + 1) * 4); // (1, 4) fully transparent
    const out = cutoutOnBackground({ width: 2, height: 5, channels: 4, data }, [10, 20, 30]);
    expect(out).toMatchObject({ width: 5, height: 5, channels: 3 });
    for (let y = 0; y < 5; y++) {
      expect([0, 1, 2, 3, 4].map((x) => rgbAt(out, x, y))).toEqual([
        [10, 20, 30],
        [255, 255, 255],
        y === 4 ? [10, 20, 30] : [255, 255, 255],
        [10, 20, 30],
        [10, 20, 30],
      ]);
    }
  });

  it('takes grey and grey + alpha', () => {
    const grey = cutoutOnBackground(
      { width: 1, height: 3, channels: 1, data: Uint8Array.from([10, 20, 30]) },
      [0, 0, 0],
    );
    expect(grey).toMatchObject({ width: 3, height: 3, channels: 3 });
    expect([0, 1, 2].map((y) => [0, 1, 2].map((x) => rgbAt(grey, x, y)))).toEqual([
      [
        [0, 0, 0],
        [10, 10, 10],
        [0, 0, 0],
      ],
      [
        [0, 0, 0],
        [20, 20, 20],
        [0, 0, 0],
      ],
      [
        [0, 0, 0],
        [30, 30, 30],
        [0, 0, 0],
      ],
    ]);
    // Grey + alpha, 3 x 1: top = 1. Alpha 0, 255 and 128 over [0, 100, 255].
    const data = Uint8Array.from([100, 0, 50, 255, 0, 128]);
    const out = cutoutOnBackground({ width: 3, height: 1, channels: 2, data }, [0, 100, 255]);
    expect(out).toMatchObject({ width: 3, height: 3, channels: 3 });
    expect([0, 1, 2].map((x) => rgbAt(out, x, 1))).toEqual([
      [0, 100, 255],
      [50, 50, 50],
      [0, 50, 127],
    ]);
    for (const y of [0, 2]) for (let x = 0; x < 3; x++) expect(rgbAt(out, x, y)).toEqual([0, 100, 255]);
  });
});

describe('features', () => {
  it('pools an [h, w, c] map to channel means and peaks (first maximum wins), and passes vectors through', () => {
    // 2 x 3 grid, 2 channels; channel 0: 1 5 2 / 5 0 -1, channel 1: -3 -2 -7 / -1 -4 -1.
    const c0 = [1, 5, 2, 5, 0, -1];
    const c1 = [-3, -2, -7, -1, -4, -1];
    const data = Float32Array.from(c0.flatMap((v, p) => [v, c1[p]!]));
    const f = featuresOf({ layer: 'x', shape: [2, 3, 2], data });
    expect(f.layer).toBe('x');
    expect(Array.from(f.vector)).toEqual([2, -3]);
    expect(f.peaks!.grid).toEqual([2, 3]);
    expect(Array.from(f.peaks!.values)).toEqual([5, -1]);
    // Channel 0's 5 is at positions 1 and 3, channel 1's -1 at 3 (y 1, x 0) and 5: the first one each time.
    expect(Array.from(f.peaks!.positions)).toEqual([1, 3]);

    const vector = Float32Array.from([0.5, -2, 3]);
    const v = featuresOf({ layer: 'logits', shape: [3], data: vector });
    expect(v.vector).toBe(vector);
    expect(v.peaks).toBeUndefined();
  });

  it('layerFeatures on Tiny Darknet conv2d_15: 128 channel means of the activation map', async () => {
    const entry = imageSet('images-corpus')[0]!;
    const pixels = cutoutOnBackground(await decodeImageFile(corpusFile(entry)));
    const [features] = await layerFeatures(darknet, pixels, [LAYER]);
    const [activation] = await darknet.activations(pixels, [LAYER]);
    const [h, w, c] = activation!.shape as [number, number, number];
    expect(c).toBe(128);
    expect(features!.layer).toBe(LAYER);
    expect(features!.vector.length).toBe(128);
    expect(features!.peaks!.grid).toEqual([h, w]);
    for (let channel = 0; channel < c; channel++) {
      let sum = 0;
      let peak = -Infinity;
      for (let p = 0; p < h * w; p++) {
        sum += activation!.data[p * c + channel]!;
        peak = Math.max(peak, activation!.data[p * c + channel]!);
      }
      expect(features!.vector[channel]).toBeCloseTo(sum / (h * w), 5);
      expect(features!.peaks!.values[channel]).toBe(peak);
      expect(activation!.data[features!.peaks!.positions[channel]! * c + channel]).toBe(peak);
    }
  });
});

describe('neighbours', () => {
  const set: VectorSet = { count: 5, dim: 2, data: Float32Array.from([1, 0, 0, 1, 1, 1, -1, 0, 2, 0.1]) };

  it('cosine: most similar first, ties by index, the excluded row left out', () => {
    const query = [1, 0];
    expect(cosineNeighbours(query, set, 5).map((n) => n.index)).toEqual([0, 4, 2, 1, 3]);
    const [first, second] = cosineNeighbours(query, set, 3, 0);
    expect(second).toEqual({ index: 2, score: expect.closeTo(Math.SQRT1_2, 6) });
    expect(first!.index).toBe(4);
    expect(cosineNeighbours(query, set, 3, 0).map((n) => n.index)).toEqual([4, 2, 1]);
    // [0, 1] and [0, 2] both score 1 against [0, 3]: the lower index first.
    const tie: VectorSet = { count: 3, dim: 2, data: Float32Array.from([1, 0, 0, 2, 0, 1]) };
    expect(cosineNeighbours([0, 3], tie, 2).map((n) => n.index)).toEqual([1, 2]);
  });

  it('euclidean: nearest first, ties by index, with a scale', () => {
    const line: VectorSet = { count: 5, dim: 2, data: Uint8Array.from([0, 0, 1, 0, 3, 0, 6, 0, 10, 0]) };
    // From (3, 0), leaving out row 2: distances 3, 2, -, 3, 7.
    expect(euclideanNeighbours([3, 0], line, 4, 2)).toEqual([
      { index: 1, score: 2 },
      { index: 0, score: 3 },
      { index: 3, score: 3 },
      { index: 4, score: 7 },
    ]);
    expect(euclideanNeighbours([3, 0], line, 2, 2, 255).map((n) => n.score)).toEqual([2 / 255, 3 / 255]);
    expect(allNeighbours(line, 2, 'euclidean')).toEqual([
      [1, 2],
      [0, 2],
      [1, 0],
      [2, 4],
      [3, 2],
    ]);
  });

  it('precision at k and neighbourhood preservation, by hand', () => {
    // Labels a a a b: row 0 -> 2 of 2, row 1 -> 2 of 2, row 2 -> 1 of 2, row 3 -> 0 of 2: 5 / 8.
    const neighbours = [
      [1, 2],
      [0, 2],
      [3, 1],
      [2, 0],
    ];
    expect(precisionAtK(neighbours, ['a', 'a', 'a', 'b'])).toBe(5 / 8);
    expect(precisionAtK(neighbours, ['a', 'b', 'c', 'd'])).toBe(0);
    expect(precisionAtK([], [])).toBe(0);
    // Row 0 keeps 2, row 1 keeps 0 and 2, row 2 keeps 1: 4 / 6.
    const a = [
      [1, 2],
      [0, 2],
      [3, 1],
    ];
    const b = [
      [2, 3],
      [2, 0],
      [1, 0],
    ];
    expect(neighbourhoodPreservation(a, b)).toBe(4 / 6);
    expect(neighbourhoodPreservation(a, a)).toBe(1);
    expect(neighbourhoodPreservation([[1], [0]], [[2], [2]])).toBe(0);
  });
});

describe('layout', () => {
  it('pca2 is deterministic and recovers a plane embedded in 20-D', () => {
    const n = 60;
    const dim = 20;
    const random = mulberry32(5);
    // Two orthonormal directions in 20-D (Gram-Schmidt on random vectors).
    const u = Array.from({ length: dim }, () => random() - 0.5);
    const v = Array.from({ length: dim }, () => random() - 0.5);
    const dot = (p: number[], q: number[]) => p.reduce((s, x, i) => s + x * q[i]!, 0);
    const un = Math.sqrt(dot(u, u));
    u.forEach((x, i) => (u[i] = x / un));
    const uv = dot(u, v);
    v.forEach((x, i) => (v[i] = x - uv * u[i]!));
    const vn = Math.sqrt(dot(v, v));
    v.forEach((x, i) => (v[i] = x / vn));
    // Plane coordinates (spread 3 along one axis, 1 along the other), a fixed offset, noise 1e-3.
    const plane = Array.from({ length: n }, () => [6 * (random() - 0.5), 2 * (random() - 0.5)] as const);
    const rows = plane.map(([a, b]) =>
      Array.from({ length: dim }, (_, j) => 0.7 + a * u[j]! + b * v[j]! + 1e-3 * (random() - 0.5)),
    );
    const first = pca2(rows);
    expect(first.length).toBe(2 * n);
    expect(pca2(rows)).toEqual(first);
    const r = correlation(pairwiseDistances(first, 2), pairwiseDistances(plane.flat(), 2));
    expect(r).toBeGreaterThan(0.99);
    // The first axis carries the larger spread.
    const spread = (axis: number) => Math.max(...plane.map((_, i) => Math.abs(first[i * 2 + axis]!)));
    expect(spread(0)).toBeGreaterThan(spread(1));
  });

  it("layout(set, 'umap') is seeded: the same seed gives the same map, another seed another", () => {
    const set: VectorSet = { count: 40, dim: 20, data: randomRows(40, 20, 9) };
    const a = layout(set, 'umap', { seed: 3 });
    const b = layout(set, 'umap', { seed: 3 });
    const c = layout(set, 'umap', { seed: 4 });
    expect(a.length).toBe(80);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('the corpus through Tiny Darknet', () => {
  // 12 images from each of five well-populated subcategories, spread through each.
  const LABELS = ['birds', 'mammals', 'flowers', 'fruit', 'tools'];
  const PER_LABEL = 12;
  let entries: ImageSetEntry[];
  let labels: string[];
  let features: VectorSet;
  let pixels: VectorSet;

  beforeAll(async () => {
    const all = imageSet('images-corpus');
    entries = LABELS.flatMap((label) => {
      const of = all.filter((e) => labelOf(e) === label);
      return Array.from({ length: PER_LABEL }, (_, i) => of[Math.floor((i * of.length) / PER_LABEL)]!);
    });
    labels = entries.map(labelOf);
    const featureData = new Float32Array(entries.length * 128);
    const pixelData = new Uint8Array(entries.length * PIXEL_VECTOR_SIDE * PIXEL_VECTOR_SIDE * 3);
    for (const [i, entry] of entries.entries()) {
      const image = cutoutOnBackground(await decodeImageFile(corpusFile(entry)));
      const [f] = await layerFeatures(darknet, image, [LAYER]);
      featureData.set(f!.vector, i * 128);
      pixelData.set(await pixelVector(image), i * PIXEL_VECTOR_SIDE * PIXEL_VECTOR_SIDE * 3);
    }
    features = { count: entries.length, dim: 128, data: featureData };
    pixels = { count: entries.length, dim: PIXEL_VECTOR_SIDE * PIXEL_VECTOR_SIDE * 3, data: pixelData };
  });

  it('features retrieve same-label neighbours better than pixels', () => {
    expect(new Set(entries).size).toBe(LABELS.length * PER_LABEL);
    const feature = precisionAtK(allNeighbours(features, 5, 'cosine'), labels);
    const pixel = precisionAtK(allNeighbours(pixels, 5, 'euclidean', 255), labels);
    console.log(
      `precision@5 on ${entries.length} images: ${LAYER} features ${feature.toFixed(3)}, pixels ${pixel.toFixed(3)}`,
    );
    expect(feature).toBeGreaterThan(pixel + 0.15);
  });

  it('UMAP keeps the feature neighbourhoods', () => {
    const map = layout(features, 'umap');
    const preservation = neighbourhoodPreservation(
      allNeighbours(features, 10, 'cosine'),
      allNeighbours({ count: features.count, dim: 2, data: map }, 10, 'euclidean'),
    );
    console.log(`UMAP neighbourhood preservation@10: ${preservation.toFixed(3)}`);
    expect(preservation).toBeGreaterThan(0.3);
  });

  it('placePoint puts a held-out image next to its feature-space neighbours', () => {
    // Four folds: each quarter held out in turn, the map fitted on the rest, every image placed once.
    const folds = 4;
    let hits = 0;
    for (let fold = 0; fold < folds; fold++) {
      const held = entries.map((_, i) => i).filter((i) => i % folds === fold);
      const kept = entries.map((_, i) => i).filter((i) => i % folds !== fold);
      const fitted: VectorSet = {
        count: kept.length,
        dim: 128,
        data: Float32Array.from(kept.flatMap((i) => Array.from(features.data.subarray(i * 128, (i + 1) * 128)))),
      };
      const map = layout(fitted, 'umap');
      const mapSet: VectorSet = { count: kept.length, dim: 2, data: map };
      for (const i of held) {
        const vector = features.data.subarray(i * 128, (i + 1) * 128);
        const placed = placePoint(vector, fitted, map);
        const neighbours = cosineNeighbours(vector, fitted, 5);
        expect(placed.neighbours).toEqual(neighbours);
        const [nearest] = euclideanNeighbours([placed.x, placed.y], mapSet, 1);
        if (neighbours.some((n) => n.index === nearest!.index)) hits++;
      }
    }
    const share = hits / entries.length;
    // Measured 0.70 (42 of 60). The weighted mean of five neighbours can fall between two clusters.
    console.log(`placePoint: nearest map point among the 5 feature neighbours for ${hits} of ${entries.length}`);
    expect(share).toBeGreaterThan(0.5);
  });
});

describe('unitPatch', () => {
  it('conv2d_10 at the top-left corner: a tile x tile opaque image, grey outside the photo, no leaks', async () => {
    const entry = imageSet('images-corpus')[0]!;
    const rgb = modelView(darknet, cutoutOnBackground(await decodeImageFile(corpusFile(entry))), 'squash');
    const field = receptiveField(darknet, 'conv2d_10');
    expect(field.size).toEqual([62, 62]);
    // Unit (0, 0)'s 62 px window starts 27 px before the image on both axes.
    expect(unitBox(field, 0, 0)).toEqual({ top: 0, left: 0, bottom: 35, right: 35 });
    const tile = 62;
    const before = tf.memory().numTensors;
    const patch = await unitPatch(darknet, rgb, field, { layer: 'conv2d_10', channel: 5, y: 0, x: 0 }, tile);
    expect(tf.memory().numTensors).toBe(before);
    expect(patch.width).toBe(tile);
    expect(patch.height).toBe(tile);
    expect(patch.rgba.length).toBe(tile * tile * 4);
    let outside = 0;
    const insideValues = new Set<number>();
    for (let y = 0; y < tile; y++) {
      for (let x = 0; x < tile; x++) {
        const [r, g, b, a] = patch.rgba.subarray((y * tile + x) * 4, (y * tile + x) * 4 + 4);
        expect(a).toBe(255);
        if (y < 27 || x < 27) {
          for (const v of [r!, g!, b!]) expect(Math.abs(v - 0.5 * 255)).toBeLessThanOrEqual(1);
          outside++;
        } else insideValues.add(r!);
      }
    }
    expect(outside).toBe(tile * tile - 35 * 35);
    // The photo part is not flat grey.
    expect(insideValues.size).toBeGreaterThan(5);

    // Half the size: output row y samples window row 2y + 0.5, outside the photo for y < 13.
    const small = await unitPatch(darknet, rgb, field, { layer: 'conv2d_10', channel: 5, y: 0, x: 0 }, 31);
    expect(tf.memory().numTensors).toBe(before);
    expect(small.rgba.length).toBe(31 * 31 * 4);
    for (let y = 0; y < 31; y++) {
      for (let x = 0; x < 31; x++) {
        const [r, g, b, a] = small.rgba.subarray((y * 31 + x) * 4, (y * 31 + x) * 4 + 4);
        expect(a).toBe(255);
        if (y < 13 || x < 13) for (const v of [r!, g!, b!]) expect(Math.abs(v - 0.5 * 255)).toBeLessThanOrEqual(1);
      }
    }
    rgb.dispose();
  });
});
