/**
 * Client side of the attribution check page: times every attribution method on Tiny Darknet in this
 * browser, on the backend chosen, for a photo the page is given. The benchmark drives it through
 * window.layerlensAttributionBench; a person can press Run. tfjs loads only when a run starts.
 */
import type { BackendName, ModelSpec } from '../engine/index.ts';

export interface AttributionBenchApi {
  /** Starts tfjs on this backend; times every method on the photo (RGB bytes, base64) for its top class. */
  run(
    backend: BackendName,
    rgb: string,
    width: number,
    height: number,
  ): Promise<{ backend: string; ms: Record<string, number> }>;
}

const bench: AttributionBenchApi = {
  async run(backend, rgb, width, height) {
    const [{ load, HttpSource, attribution }, { startBackend, dataUrl }, { timeMethods }] = await Promise.all([
      import('../engine/index.ts'),
      import('./engine/backend.ts'),
      import('../figures/common/attribution/bench-methods.ts'),
    ]);
    const got = (await startBackend(backend)).name;
    const specs = JSON.parse(document.getElementById('ll-models')!.textContent!) as ModelSpec[];
    const network = await load(
      specs.find((s) => s.id === 'tiny-darknet')!,
      new HttpSource(dataUrl('tiny-darknet')),
    );
    const pixels = { width, height, channels: 3 as const, data: Uint8Array.from(atob(rgb), (c) => c.charCodeAt(0)) };
    const [top] = await network.classify(pixels, 1);
    const view = attribution.modelView(network, pixels, 'squash');
    try {
      return { backend: got, ms: await timeMethods(network, { kind: 'class', index: top!.index }, view) };
    } finally {
      view.dispose();
      network.dispose();
    }
  },
};

/** Exposes the benchmark and wires the page's Run button (the article's default photo). */
export function attributionCheck(button: HTMLButtonElement, output: HTMLElement): void {
  (window as unknown as { layerlensAttributionBench: AttributionBenchApi }).layerlensAttributionBench = bench;
  button.addEventListener('click', async () => {
    output.textContent = 'Running every method on wasm...';
    try {
      const { dataUrl } = await import('./engine/backend.ts');
      const { decodeImage } = await import('./photo-input.ts');
      const pixels = await decodeImage(await (await fetch(dataUrl('images-photos', 'chelsea.png'))).blob());
      const rgb = new Uint8Array(pixels.width * pixels.height * 3);
      for (let i = 0; i < pixels.width * pixels.height; i++)
        for (let c = 0; c < 3; c++) rgb[i * 3 + c] = pixels.data[i * pixels.channels + c]!;
      let text = '';
      for (let i = 0; i < rgb.length; i += 0x8000) text += String.fromCharCode(...rgb.subarray(i, i + 0x8000));
      const result = await bench.run('wasm', btoa(text), pixels.width, pixels.height);
      output.textContent = Object.entries(result.ms)
        .map(([method, ms]) => `${method}: ${ms} ms`)
        .join('\n');
    } catch (error) {
      output.textContent = `Failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
}
