/**
 * The embedding module's parts: cut-outs on a background, pooled features, neighbours and their measures,
 * the PCA and UMAP layouts. The synthetic cases pin the arithmetic; one case checks the pooling against
 * Tiny Darknet's own activations. The corpus cases are in embedding-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { CUTOUT_BACKGROUND, cutoutOnBackground } from '../../src/engine/embedding/cutout.ts';
import { featuresOf, layerFeatures } from '../../src/engine/embedding/features.ts';
import {
  allNeighbours,
  cosineNeighbours,
  euclideanNeighbours,
  neighbourhoodPreservation,
  precisionAtK,
  type VectorSet,
} from '../../src/engine/embedding/neighbours.ts';
import type { ImagePixels } from '../../src/engine/image/preprocess.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { imageSet } from '../../src/registry/index.ts';
import { corpusFile, useTinyDarknet } from '../helpers/tiny-darknet.ts';

const LAYER = 'conv2d_15';

const darknet = useTinyDarknet();
/** Pixel (x, y) of an RGB image as [r, g, b]. */
const rgbAt = (image: ImagePixels, x: number, y: number) =>
  Array.from(image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3));

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
    const [features] = await layerFeatures(darknet(), pixels, [LAYER]);
    const [activation] = await darknet().activations(pixels, [LAYER]);
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
