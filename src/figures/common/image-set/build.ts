/**
 * Builds set indexes (build time only: the browser fetches the shipped ones). Each image of the set is set
 * on the neutral background and passed once through the model for every requested layer's features and
 * peaks, and shrunk to its pixel-space vector; then each layer's features are laid out in 2-D by PCA and
 * by UMAP. One pass serves all the layers an article compares (a pass over the corpus is most of the cost).
 */
import { embedding, type ChannelPeaks, type LayoutMethod } from '../../../engine/index.ts';
import type { ImageSetEntry } from '../../../registry/index.ts';
import type { ComputeRun, FigureInputs } from '../../contract/compute.ts';
import { resolveSetLayer } from './photo.ts';
import type { SetIndex, SetIndexRequest } from './set-index.ts';

/** What one layer collects over the set. */
interface Collected {
  features: Float32Array[];
  peaks: ChannelPeaks[];
}

/** The indexes of requests that share one set (its images: `entries`) and one model, in request order. */
export async function buildSetIndexes(
  requests: SetIndexRequest[],
  entries: ImageSetEntry[],
  inputs: FigureInputs,
  run: ComputeRun = {},
): Promise<SetIndex[]> {
  const [{ set, model }] = requests as [SetIndexRequest];
  if (requests.some((r) => r.set !== set || r.model !== model)) throw new Error('one set and one model per build');
  const network = await inputs.network(model);
  const layers = requests.map((r) => resolveSetLayer(network, r.layer));
  const collected: Collected[] = layers.map(() => ({ features: [], peaks: [] }));
  const pixels: Uint8Array[] = [];
  for (const [i, entry] of entries.entries()) {
    run.signal?.throwIfAborted();
    const image = embedding.cutoutOnBackground(await inputs.image(entry.ref));
    const found = await embedding.layerFeatures(network, image, layers);
    found.forEach((f, l) => {
      collected[l]!.features.push(f.vector);
      if (f.peaks) collected[l]!.peaks.push(f.peaks);
    });
    pixels.push(await embedding.pixelVector(image));
    run.onWork?.((0.9 * (i + 1)) / entries.length);
  }
  const images = entries.map((e) => ({
    ref: e.ref,
    caption: e.caption,
    category: e.category,
    group: e.subcategory ?? e.category,
  }));
  const pixelRows = concat(pixels, Uint8Array);
  return requests.map((request, l) => ({ ...request, images, pixels: pixelRows, ...layerIndex(collected[l]!) }));
}

/** One layer's part of an index: the feature rows, the peaks, the maps. */
function layerIndex({ features, peaks }: Collected): Pick<SetIndex, 'dim' | 'features' | 'peaks' | 'layouts'> {
  const dim = features[0]!.length;
  const set = { count: features.length, dim, data: concat(features, Float32Array) };
  const layouts = Object.fromEntries(
    embedding.LAYOUT_METHODS.map((method) => [method, embedding.layout(set, method)]),
  ) as Record<LayoutMethod, Float32Array>;
  const first = peaks[0];
  return {
    dim,
    features: set.data,
    layouts,
    peaks: first && {
      grid: first.grid,
      channels: first.values.length,
      values: concat(
        peaks.map((p) => p.values),
        Float32Array,
      ),
      positions: concat(
        peaks.map((p) => p.positions),
        Uint32Array,
      ),
    },
  };
}

function concat<T extends Float32Array | Uint32Array | Uint8Array>(rows: T[], Kind: { new (length: number): T }): T {
  const out = new Kind(rows.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of rows) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}
