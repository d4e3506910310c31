/**
 * The embedding module on the corpus: on a subset through Tiny Darknet, feature space is what the figures
 * claim it is (better than pixel space at retrieving same-label neighbours, kept by the map well enough to
 * place a new image among its neighbours), and a unit's patch is the window it sees, grey past the image.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelView } from '../../src/engine/attribution/model-view.ts';
import { cutoutOnBackground } from '../../src/engine/embedding/cutout.ts';
import { layerFeatures } from '../../src/engine/embedding/features.ts';
import { layout } from '../../src/engine/embedding/layout.ts';
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
import { decodeImageFile } from '../../src/node/image.ts';
import { imageSet, type ImageSetEntry } from '../../src/registry/index.ts';
import { corpusFile, useTinyDarknet } from '../helpers/tiny-darknet.ts';

const LAYER = 'conv2d_15';

const darknet = useTinyDarknet();
const labelOf = (entry: ImageSetEntry) => entry.subcategory ?? entry.category;

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
      const [f] = await layerFeatures(darknet(), image, [LAYER]);
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
    const rgb = modelView(darknet(), cutoutOnBackground(await decodeImageFile(corpusFile(entry))), 'squash');
    const field = receptiveField(darknet(), 'conv2d_10');
    expect(field.size).toEqual([62, 62]);
    // Unit (0, 0)'s 62 px window starts 27 px before the image on both axes.
    expect(unitBox(field, 0, 0)).toEqual({ top: 0, left: 0, bottom: 35, right: 35 });
    const tile = 62;
    const before = tf.memory().numTensors;
    const patch = await unitPatch(darknet(), rgb, field, { layer: 'conv2d_10', channel: 5, y: 0, x: 0 }, tile);
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
    const small = await unitPatch(darknet(), rgb, field, { layer: 'conv2d_10', channel: 5, y: 0, x: 0 }, 31);
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
