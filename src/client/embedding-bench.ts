/**
 * Client side of the embedding check page: how long a reader's photo takes, in this browser, from its
 * features to its place on the shipped map and its nearest images (the figure's own path: the index the
 * build published, placePoint, cosine neighbours), and how long the features themselves take. The benchmark
 * drives it through window.layerlensEmbeddingBench; a person can press Run. tfjs loads only when a run starts.
 */
import type { BackendName, ModelSpec } from '../engine/index.ts';

export interface EmbeddingBenchApi {
  /** Times the photo's features (one forward pass) and, from them, its placement and neighbours (median of `runs`). */
  run(backend: BackendName, runs?: number): Promise<{ backend: string; featuresMs: number; placeMs: number }>;
}

const REQUEST = { set: 'images-corpus', model: 'tiny-darknet', layer: 'conv2d_15' };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: EmbeddingBenchApi = {
  async run(backend, runs = 20) {
    const [{ load, HttpSource, embedding }, { startBackend, dataUrl, figuresUrl }, { decodeImage }, sets, parse] =
      await Promise.all([
        import('../engine/index.ts'),
        import('./engine/backend.ts'),
        import('./photo-input.ts'),
        import('../figures/common/image-set/set-index.ts'),
        import('../figures/common/image-set/serialise.ts'),
      ]);
    const got = (await startBackend(backend)).name;
    const specs = JSON.parse(document.getElementById('ll-models')!.textContent!) as ModelSpec[];
    const network = await load(specs[0]!, new HttpSource(dataUrl(REQUEST.model)), { upTo: [REQUEST.layer] });
    try {
      const text = await (await fetch(figuresUrl(`${sets.SET_INDEX_FOLDER}/${sets.setIndexFile(REQUEST)}`))).text();
      const index = parse.parseSetIndex(text);
      const photo = await decodeImage(await (await fetch(dataUrl('images-photos', 'chelsea.png'))).blob());
      const features: number[] = [];
      let vector: ArrayLike<number> = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        const [found] = await embedding.layerFeatures(network, photo, [REQUEST.layer], { resize: 'center-crop' });
        vector = found!.vector;
        features.push(performance.now() - started);
      }
      const set = { count: index.images.length, dim: index.dim, data: index.features };
      const place: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        embedding.placePoint(vector, set, index.layouts.umap);
        embedding.cosineNeighbours(vector, set, embedding.PLACE_NEIGHBOURS);
        place.push(performance.now() - started);
      }
      return { backend: got, featuresMs: median(features.slice(1)), placeMs: median(place) };
    } finally {
      network.dispose();
    }
  },
};

/** Exposes the benchmark and wires the page's Run button. */
export function embeddingCheck(button: HTMLButtonElement, output: HTMLElement): void {
  (window as unknown as { layerlensEmbeddingBench: EmbeddingBenchApi }).layerlensEmbeddingBench = bench;
  button.addEventListener('click', async () => {
    output.textContent = 'Running on wasm...';
    try {
      const result = await bench.run('wasm');
      output.textContent = `features: ${result.featuresMs.toFixed(1)} ms; placement and neighbours: ${result.placeMs.toFixed(2)} ms (${result.backend})`;
    } catch (error) {
      output.textContent = `Failed: ${String(error)}`;
    }
  });
}
