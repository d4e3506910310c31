/**
 * Client side of the fast-style check page: a person can stylise a photo on a chosen backend, and the
 * benchmark (scripts/lib/bench/fast-style.ts) drives the same engine through window.layerlensStyleBench.
 * tfjs is imported only when a run starts.
 */
import type { BackendName, FastStyleNetwork, ImagePixels, ModelSpec } from '../engine/index.ts';

/** A model's spec, as the page embeds it (#ll-models). */
function pageModelSpec(id: string): ModelSpec {
  const specs = JSON.parse(document.getElementById('ll-models')!.textContent!) as ModelSpec[];
  const spec = specs.find((s) => s.id === id);
  if (!spec) throw new Error(`model ${id} is not described on this page`);
  return spec;
}

/** What the benchmark calls; pixels and outputs travel as base64 (fast through Playwright). */
export interface StyleBenchApi {
  /** Starts tfjs on this backend (once per page); returns the backend obtained. */
  start(backend: BackendName): Promise<string>;
  /** Stylises RGB bytes `warmup` times untimed, then `runs` times; milliseconds per timed run. */
  time(model: string, rgb: string, width: number, height: number, warmup: number, runs: number): Promise<number[]>;
  /** The float output (0..255) of stylizeTensor for RGB bytes, as base64 float32. */
  output(model: string, rgb: string, width: number, height: number): Promise<string>;
}

const networks = new Map<string, Promise<FastStyleNetwork>>();

async function network(id: string): Promise<FastStyleNetwork> {
  let loaded = networks.get(id);
  if (!loaded) {
    const [{ loadFastStyle, HttpSource }, { dataUrl }] = await Promise.all([
      import('../engine/index.ts'),
      import('./engine/backend.ts'),
    ]);
    loaded = loadFastStyle(pageModelSpec(id), new HttpSource(dataUrl(id)));
    networks.set(id, loaded);
  }
  return loaded;
}

function rgbPixels(base64: string, width: number, height: number): ImagePixels {
  return { width, height, channels: 3, data: Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) };
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export const styleBench: StyleBenchApi = {
  async start(backend) {
    const { startBackend } = await import('./engine/backend.ts');
    return (await startBackend(backend)).name;
  },
  async time(model, rgb, width, height, warmup, runs) {
    const net = await network(model);
    const pixels = rgbPixels(rgb, width, height);
    for (let i = 0; i < warmup; i++) await net.stylize(pixels);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await net.stylize(pixels);
      times.push(performance.now() - start);
    }
    return times;
  },
  async output(model, rgb, width, height) {
    const values = await (await network(model)).stylizeFloat(rgbPixels(rgb, width, height));
    return toBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  },
};

/** Wires the page's form: stylise the chosen photo with the chosen painting on the chosen backend. */
export function runStyleCheck(form: HTMLFormElement): void {
  (window as unknown as { layerlensStyleBench: StyleBenchApi }).layerlensStyleBench = styleBench;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(form);
  });
}

async function run(form: HTMLFormElement): Promise<void> {
  const status = document.getElementById('style-status')!;
  const data = new FormData(form);
  const show = (state: string, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  try {
    show('loading', 'Loading the engine...');
    const backend = await styleBench.start(data.get('backend') as BackendName);
    const { dataUrl } = await import('./engine/backend.ts');
    const { decodeImage } = await import('./photo-input.ts');
    const pixels = await decodeImage(await (await fetch(dataUrl('images-photos', String(data.get('image'))))).blob());
    const net = await network(String(data.get('model')));
    show('loading', `Backend ${backend}: stylising...`);
    const start = performance.now();
    const image = await net.stylize(pixels, { maxSide: Number(data.get('size')) });
    const ms = performance.now() - start;
    const [{ encodePng }, { showPng }] = await Promise.all([import('./png.ts'), import('./figure-view.ts')]);
    const output = document.getElementById('style-output') as HTMLImageElement;
    showPng(output, await encodePng(image));
    output.hidden = false;
    show(
      'done',
      `Done on ${backend}: ${image.width}x${image.height} in ${ms.toFixed(0)} ms (the first run also compiles kernels).`,
    );
  } catch (error) {
    show('error', `Failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
