/**
 * Client side of the convolution check page: how long the network overview takes, in this browser, for a
 * new photo: the figure's compute through the one compute entry (a forward pass of every layer, the grid,
 * the weights and values the panel reads) and the PNG the worker posts. Each run takes another sample under
 * a new ref, so nothing is served from a cache; the model loads once, in a first run not counted.
 */
import type { BackendName, ImagePixels, ModelSpec } from '../engine/index.ts';
import type { NetworkOverviewRecipe } from '../figures/kinds/network-overview/recipe.ts';

export interface ConvolutionBenchApi {
  /** Median milliseconds of `runs` overviews, each for a new photo, and the first (model load included). */
  run(
    backend: BackendName,
    runs?: number,
  ): Promise<{ backend: string; overviewMs: number; firstMs: number; runs: number }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: ConvolutionBenchApi = {
  async run(backend, runs = 20) {
    const [
      { startBackend, dataUrl },
      { browserInputs },
      { planLoads },
      { computeFigure },
      { encodePng },
      { decodeImage },
    ] = await Promise.all([
      import('./engine/backend.ts'),
      import('./engine/browser-inputs.ts'),
      import('../figures/inputs/load-plan.ts'),
      import('../figures/registry/compute.ts'),
      import('./png.ts'),
      import('./photo-input.ts'),
    ]);
    const got = (await startBackend(backend)).name;
    const models = JSON.parse(document.getElementById('ll-models')!.textContent!) as ModelSpec[];
    const samples = JSON.parse(document.getElementById('ll-samples')!.textContent!) as string[];
    const recipe = (image: string): NetworkOverviewRecipe => ({
      kind: 'network-overview',
      model: 'tiny-vgg',
      image,
      resize: 'center-crop',
      from: 'conv_1_1',
      to: 'output',
      channels: 10,
      pick: 'sampled',
      page: 0,
      tile: 40,
      presets: [],
    });
    const photos = new Map<string, ImagePixels>();
    const decoded = await Promise.all(
      samples.map(async (ref) =>
        decodeImage(await (await fetch(dataUrl(...(ref.split('/') as [string, string])))).blob()),
      ),
    );
    const inputs = browserInputs({ models, plan: planLoads([recipe('reader/0')]), gradients: false }, photos);
    const times: number[] = [];
    try {
      for (let i = 0; i <= runs; i++) {
        const ref = `reader/${i}`;
        photos.set(ref, decoded[i % decoded.length]!);
        const started = performance.now();
        const result = await computeFigure(recipe(ref), inputs);
        await encodePng(result.image!);
        times.push(performance.now() - started);
      }
    } finally {
      inputs.dispose();
    }
    return { backend: got, overviewMs: median(times.slice(1)), firstMs: times[0]!, runs };
  },
};

/** Exposes the benchmark and wires the page's Run button. */
export function convolutionCheck(button: HTMLButtonElement, output: HTMLElement): void {
  (window as unknown as { layerlensConvolutionBench: ConvolutionBenchApi }).layerlensConvolutionBench = bench;
  button.addEventListener('click', async () => {
    output.textContent = 'Running on wasm...';
    try {
      const result = await bench.run('wasm');
      output.textContent = `overview for a new photo: ${result.overviewMs.toFixed(1)} ms (median of ${result.runs}; first ${result.firstMs.toFixed(0)} ms with the model load) on ${result.backend}`;
    } catch (error) {
      output.textContent = `Failed: ${String(error)}`;
    }
  });
}
