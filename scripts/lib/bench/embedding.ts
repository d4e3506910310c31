/**
 * `embedding`: feature space against pixel space on the whole corpus with Tiny Darknet (wasm in Node).
 * Same-label neighbours (label: the subcategory where the set gives one, else the category) at 5, leave-one-
 * out, for conv2d_15's channel means, the logits and 32x32 pixel vectors; how much of conv2d_15's
 * neighbourhoods at 10 the PCA and UMAP maps keep; how well placePoint puts a held-out image (every 10th)
 * on a map fitted without it, for several neighbour counts; the build's time and a new image's.
 */
import path from 'node:path';
import type { Network } from '../../../src/engine/index.ts';
import { scoreLayer } from '../../../src/engine/attribution/target.ts';
import { cutoutOnBackground } from '../../../src/engine/embedding/cutout.ts';
import { featuresOf } from '../../../src/engine/embedding/features.ts';
import { layout } from '../../../src/engine/embedding/layout.ts';
import {
  allNeighbours,
  cosineNeighbours,
  euclideanNeighbours,
  neighbourhoodPreservation,
  precisionAtK,
  type VectorSet,
} from '../../../src/engine/embedding/neighbours.ts';
import { PIXEL_VECTOR_SIDE, pixelVector } from '../../../src/engine/embedding/pixel-vector.ts';
import { PLACE_NEIGHBOURS, PLACE_POWER, placePoint } from '../../../src/engine/embedding/place.ts';
import type { EmbeddingBenchApi } from '../../../src/client/embedding-bench.ts';

import { withBrowser } from './browser.ts';
import { existsSync } from 'node:fs';
import type { ImagePixels } from '../../../src/engine/image/preprocess.ts';
import { initNodeBackend, loadModel } from '../../../src/node/engine.ts';
import { decodeImageFile } from '../../../src/node/image.ts';
import { PROJECT_ROOT, packDir } from '../../../src/node/paths.ts';
import { imageSet } from '../../../src/registry/index.ts';
import { round, time } from './timing.ts';

const LAYER = 'conv2d_15';
const PLACE_KS = [3, 5, 10, 15];
const PLACE_POWERS = [1, 2, 4, 8];
/** Every HOLD_OUT-th image is held out of the placement map. */
const HOLD_OUT = 10;

export interface PlacementScore {
  /** Share of the placed point's 10 nearest map points among its 10 nearest feature-space neighbours. */
  neighbourhoodAt10: number;
  /** Share of the placed point's 5 nearest map points with its label. */
  precisionAt5: number;
  /** Share of held-out images whose nearest map point is one of their 5 feature-space neighbours. */
  nearestIsNeighbour: number;
}

export interface EmbeddingBench {
  images: number;
  labels: number;
  layers: { feature: string; logits: string };
  precisionAt5: { feature: Record<string, number>; pixel: number };
  neighbourhoodPreservation: { pca: number; umap: number };
  placement: {
    heldOut: number;
    fitted: number;
    /** Per neighbour count k of placePoint. */
    byK: Record<string, PlacementScore>;
    /** Per power of the weights (1 / cosine distance), at k = PLACE_NEIGHBOURS. */
    byPower: Record<string, PlacementScore>;
    /** The same measures for the fitted points themselves (each one's map neighbours, itself left out). */
    fittedPoints: PlacementScore;
  };
  buildSeconds: number;
  buildParts: { featuresSeconds: number; umapSeconds: number; pcaSeconds: number };
  /** Chromium (wasm, the built site's embedding check page): from a photo's features to its place and 5 neighbours, median of 20. */
  placeMs: number | null;
  /** Chromium's run: the photo's features (one forward pass) and the placement; or why it did not run. */
  chromium: { backend: string; featuresMs: number; placeMs: number } | { error: string };
  /** Node wasm: a new (decoded) image's cut-out and features, then its placement and neighbours; medians of 20. */
  node: { wholeMs: number; featuresMs: number; placementMs: number };
}

/** Rows `indices` of a set, as a new set. */
function subset(set: VectorSet, indices: number[]): VectorSet {
  const data = new Float32Array(indices.length * set.dim);
  indices.forEach((i, j) => data.set(set.data.subarray(i * set.dim, (i + 1) * set.dim), j * set.dim));
  return { count: indices.length, dim: set.dim, data };
}

const seconds = (start: number) => round((performance.now() - start) / 1000, 2);

export async function benchEmbedding(log: (line: string) => void = () => {}): Promise<EmbeddingBench> {
  await initNodeBackend('wasm');
  const network = await loadModel('tiny-darknet', { from: 'mirror' });
  try {
    return await measure(network, log);
  } finally {
    network.dispose();
  }
}

async function measure(network: Network, log: (line: string) => void): Promise<EmbeddingBench> {
  const logits = scoreLayer(network);
  const entries = imageSet('images-corpus');
  const labels = entries.map((e) => e.subcategory ?? e.category);
  const n = entries.length;
  const pixelDim = PIXEL_VECTOR_SIDE * PIXEL_VECTOR_SIDE * 3;
  const files = entries.map((e) => path.join(packDir('images-corpus'), e.file));

  // Features: decode, cut-out, one forward pass for both layers. Pixel vectors apart, untimed.
  let featureData: Float32Array | null = null;
  let logitData: Float32Array | null = null;
  const images: ImagePixels[] = [];
  /** The held-out images as decoded, for a new image's timing. */
  const originals: ImagePixels[] = [];
  const featuresStart = performance.now();
  for (const [i, file] of files.entries()) {
    const decoded = await decodeImageFile(file);
    const image = cutoutOnBackground(decoded);
    const [conv, out] = (await network.activations(image, [LAYER, logits])).map(featuresOf);
    featureData ??= new Float32Array(n * conv!.vector.length);
    logitData ??= new Float32Array(n * out!.vector.length);
    featureData.set(conv!.vector, i * conv!.vector.length);
    logitData.set(out!.vector, i * out!.vector.length);
    images.push(image);
    if (i % HOLD_OUT === 0) originals.push(decoded);
  }
  const featuresSeconds = seconds(featuresStart);
  log(`  features of ${n} images: ${featuresSeconds} s`);
  const features: VectorSet = { count: n, dim: featureData!.length / n, data: featureData! };
  const logitSet: VectorSet = { count: n, dim: logitData!.length / n, data: logitData! };
  const pixelData = new Uint8Array(n * pixelDim);
  for (const [i, image] of images.entries()) pixelData.set(await pixelVector(image), i * pixelDim);
  const pixels: VectorSet = { count: n, dim: pixelDim, data: pixelData };

  const umapStart = performance.now();
  const umap = layout(features, 'umap');
  const umapSeconds = seconds(umapStart);
  const pcaStart = performance.now();
  const pca = layout(features, 'pca');
  const pcaSeconds = seconds(pcaStart);
  log(`  UMAP ${umapSeconds} s, PCA ${pcaSeconds} s`);

  const featureAt10 = allNeighbours(features, 10, 'cosine');
  const mapAt10 = (map: Float32Array) => allNeighbours({ count: n, dim: 2, data: map }, 10, 'euclidean');
  const at5 = (lists: number[][]) => round(precisionAtK(lists, labels), 4);

  // Placement: every 10th image held out, the map fitted on the rest.
  const held = entries.map((_, i) => i).filter((i) => i % HOLD_OUT === 0);
  const kept = entries.map((_, i) => i).filter((i) => i % HOLD_OUT !== 0);
  const fitted = subset(features, kept);
  const fittedLabels = kept.map((i) => labels[i]!);
  const map = layout(fitted, 'umap');
  const mapSet: VectorSet = { count: kept.length, dim: 2, data: map };
  const score = (k: number, power: number): PlacementScore => {
    let [kept10, same5, nearestHits] = [0, 0, 0];
    for (const i of held) {
      const vector = features.data.subarray(i * features.dim, (i + 1) * features.dim);
      const placed = placePoint(vector, fitted, map, k, -1, power);
      const onMap = euclideanNeighbours([placed.x, placed.y], mapSet, 10).map((m) => m.index);
      const inFeatures = cosineNeighbours(vector, fitted, 10).map((m) => m.index);
      const top10 = new Set(inFeatures);
      kept10 += onMap.filter((j) => top10.has(j)).length / 10;
      same5 += onMap.slice(0, 5).filter((j) => fittedLabels[j] === labels[i]).length / 5;
      nearestHits += inFeatures.slice(0, 5).includes(onMap[0]!) ? 1 : 0;
    }
    return {
      neighbourhoodAt10: round(kept10 / held.length, 4),
      precisionAt5: round(same5 / held.length, 4),
      nearestIsNeighbour: round(nearestHits / held.length, 4),
    };
  };
  const byK = Object.fromEntries(PLACE_KS.map((k) => [k, score(k, PLACE_POWER)]));
  const byPower = Object.fromEntries(PLACE_POWERS.map((p) => [p, score(PLACE_NEIGHBOURS, p)]));
  const fittedMapAt10 = allNeighbours(mapSet, 10, 'euclidean');
  const fittedFeatureAt10 = allNeighbours(fitted, 10, 'cosine');
  const fittedPoints = {
    neighbourhoodAt10: round(neighbourhoodPreservation(fittedFeatureAt10, fittedMapAt10), 4),
    nearestIsNeighbour: round(
      fittedMapAt10.filter((list, i) => fittedFeatureAt10[i]!.slice(0, 5).includes(list[0]!)).length / kept.length,
      4,
    ),
    precisionAt5: round(
      precisionAtK(
        fittedMapAt10.map((list) => list.slice(0, 5)),
        fittedLabels,
      ),
      4,
    ),
  };

  // A new image: a held-out one, decoded already; cut-out and features, then placement and its neighbours.
  let next = 0;
  const newFeatures = async () => {
    const image = cutoutOnBackground(originals[next++ % originals.length]!);
    return featuresOf((await network.activations(image, [LAYER]))[0]!).vector;
  };
  const vectors = held.map((i) => features.data.subarray(i * features.dim, (i + 1) * features.dim));
  const place = (vector: ArrayLike<number>) => placePoint(vector, fitted, map, PLACE_NEIGHBOURS);
  const featuresMs = await time(newFeatures, { runs: 20 });
  const placementMs = await time(async () => place(vectors[next++ % vectors.length]!), { runs: 20 });
  const placeMs = await time(async () => place(await newFeatures()), { runs: 20 });
  const chromium = await chromiumPlacement();

  return {
    images: n,
    labels: new Set(labels).size,
    layers: { feature: LAYER, logits },
    precisionAt5: {
      feature: {
        [LAYER]: at5(allNeighbours(features, 5, 'cosine')),
        logits: at5(allNeighbours(logitSet, 5, 'cosine')),
      },
      pixel: at5(allNeighbours(pixels, 5, 'euclidean', 255)),
    },
    neighbourhoodPreservation: {
      pca: round(neighbourhoodPreservation(featureAt10, mapAt10(pca)), 4),
      umap: round(neighbourhoodPreservation(featureAt10, mapAt10(umap)), 4),
    },
    placement: { heldOut: held.length, fitted: kept.length, byK, byPower, fittedPoints },
    buildSeconds: round(featuresSeconds + umapSeconds + pcaSeconds, 2),
    buildParts: { featuresSeconds, umapSeconds, pcaSeconds },
    placeMs: 'placeMs' in chromium ? chromium.placeMs : null,
    chromium,
    node: { wholeMs: round(placeMs.ms, 2), featuresMs: round(featuresMs.ms, 2), placementMs: round(placementMs.ms, 3) },
  };
}

export function printEmbedding(e: EmbeddingBench): string[] {
  return [
    `embedding (${e.images} corpus images, ${e.labels} labels, Tiny Darknet on Node wasm):`,
    `  same-label precision@5: ${e.layers.feature} ${e.precisionAt5.feature[e.layers.feature]}, logits (${e.layers.logits}) ${e.precisionAt5.feature.logits}, pixels ${e.precisionAt5.pixel}`,
    `  neighbourhood preservation@10 (${e.layers.feature}): PCA ${e.neighbourhoodPreservation.pca}, UMAP ${e.neighbourhoodPreservation.umap}`,
    `  placement (${e.placement.heldOut} held out, UMAP on ${e.placement.fitted}):`,
    ...[
      ...Object.entries(e.placement.byK).map(([k, s]) => [`k=${k}`, s] as const),
      ...Object.entries(e.placement.byPower).map(([p, s]) => [`weights^${p}`, s] as const),
      ['fitted points', e.placement.fittedPoints] as const,
    ].map(
      ([what, s]) =>
        `    ${what}: neighbourhood@10 ${s.neighbourhoodAt10}, precision@5 ${s.precisionAt5}, nearest map point a feature neighbour ${s.nearestIsNeighbour}`,
    ),
    `  build ${e.buildSeconds} s (features ${e.buildParts.featuresSeconds} s, UMAP ${e.buildParts.umapSeconds} s, PCA ${e.buildParts.pcaSeconds} s)`,
    `  a photo in Chromium: ${'error' in e.chromium ? e.chromium.error : `features ${e.chromium.featuresMs} ms (${e.chromium.backend}), then placement and neighbours ${e.chromium.placeMs} ms`}`,
    `  a new image in Node: ${e.node.wholeMs} ms (features ${e.node.featuresMs} ms, placement and neighbours ${e.node.placementMs} ms)`,
  ];
}

/** The photo's features and placement in Chromium, through the built site's embedding check page. */
async function chromiumPlacement(): Promise<EmbeddingBench['chromium']> {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/engine/embedding/index.html')))
    return { error: 'site not built (npm run build)' };
  return withBrowser(async (browser, origin) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/engine/embedding/`);
    await page.waitForFunction(() => 'layerlensEmbeddingBench' in window);
    const result = await page.evaluate(() =>
      (window as unknown as { layerlensEmbeddingBench: EmbeddingBenchApi }).layerlensEmbeddingBench.run('wasm'),
    );
    if (result.backend !== 'wasm') return { error: `Chromium started ${result.backend}, not wasm` };
    return { backend: result.backend, featuresMs: round(result.featuresMs, 1), placeMs: round(result.placeMs, 3) };
  });
}
