/**
 * Benchmark: our fast style transfer against ml5 0.12.2's styleTransfer in headless Chromium (Debian's),
 * same checkpoint (wave, from the built site's /data/), same photo (chelsea.png squashed to size x size,
 * by sharp in Node, handed to both as the same RGB bytes), on each backend both can use (ml5 bundles
 * tfjs 1.7: webgl and cpu). Ours runs on the site's /engine/style/ page, ml5 on a page of its own.
 *
 * Timed: median of `runs` runs after `warmup` untimed ones, from RGB bytes to output pixels read back on the
 * CPU: our stylize() (to RGBA bytes) against ml5's own layers plus the data read ("forward"); ml5's public
 * transfer() (which also encodes a PNG data URL) is reported beside it. Compared: the float outputs
 * (0..255, before rounding) of our stylizeTensor and of ml5's layers.
 *
 * Run directly: npx tsx scripts/lib/bench/fast-style.ts  (LAYERLENS_BENCH_DIST: the built site, default dist/).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { packDir, PROJECT_ROOT } from '../../../src/node/paths.ts';
import { serveStatic } from '../static-server.ts';
import { openMl5Page } from './ml5.ts';
import { median, round } from './timing.ts';

export interface FastStyleCase {
  backend: string;
  /** Input and output are size x size. */
  size: number;
  /** Ours, median milliseconds (stylize(): RGB bytes in, RGBA bytes out). */
  oursMs: number;
  /** ml5, median milliseconds (its layers on the same bytes, output read back). */
  ml5Ms: number;
  /** ml5's public transfer() (adds the canvas and PNG data URL), median milliseconds. */
  ml5TransferMs: number;
  /** oursMs / ml5Ms. */
  oursOverMl5: number;
  /** Largest |ours - ml5| over every output value, 0-255 scale (float outputs, before rounding). */
  maxAbsDiff: number;
  meanAbsDiff: number;
  oursRuns: number[];
  ml5Runs: number[];
}

export interface FastStyleBench {
  model: string;
  photo: string;
  browser: string;
  /** WebGL's renderer in this browser (SwiftShader: a CPU emulation, no GPU). */
  webglRenderer: string;
  warmup: number;
  runs: number;
  cases: (FastStyleCase | { backend: string; size: number; error: string })[];
  /** The summary for the lead's `style` key: ours/ml5 and max |diff| at 512x512 and 256x256 on webgl (null when that case failed). */
  fastOverMl5: number | null;
  fastMaxAbsDiffVsMl5: number | null;
  fastOverMl5At256: number | null;
  fastMaxAbsDiffVsMl5At256: number | null;
}

export interface FastStyleBenchOptions {
  /** The built site (LAYERLENS_BENCH_DIST, default dist/). */
  dist?: string;
  backends?: string[];
  sizes?: number[];
  warmup?: number;
  runs?: number;
}

const PORT = 4393;
const MODEL = 'fast-style-wave';
const PHOTO = 'chelsea.png';

export async function benchFastStyle(options: FastStyleBenchOptions = {}): Promise<FastStyleBench> {
  const { backends = ['webgl', 'cpu'], sizes = [256, 512], warmup = 2, runs = 5 } = options;
  const dist = path.resolve(PROJECT_ROOT, options.dist ?? process.env.LAYERLENS_BENCH_DIST ?? 'dist');
  const server = await serveStatic(dist, PORT);
  const browser = await chromium.launch({
    executablePath: process.env.LAYERLENS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--disable-background-networking'],
  });
  const origin = `http://127.0.0.1:${PORT}`;
  try {
    const renderer = await webglRenderer(browser.newPage.bind(browser));
    const inputs = new Map(await Promise.all(sizes.map(async (size) => [size, await photoBytes(size)] as const)));
    const cases: FastStyleBench['cases'] = [];
    for (const backend of backends) {
      const ours = await browser.newPage();
      const ml5 = await browser.newPage();
      try {
        await openOurs(ours, origin, backend);
        await openMl5Page(ml5, origin);
        const got = await ml5.evaluate(async ([b, url]) => (await window.ml5Bench.start(b), await window.ml5Bench.load(url), window.ml5.tf.getBackend()), [backend, `${origin}/data/${MODEL}/`] as const);
        if (got !== backend) throw new Error(`ml5 started ${got}, not ${backend}`);
        for (const size of sizes) cases.push(await benchCase(ours, ml5, backend, size, inputs.get(size)!, warmup, runs).catch((e: unknown) => ({ backend, size, error: String(e) })));
      } catch (error) {
        for (const size of sizes) cases.push({ backend, size, error: error instanceof Error ? error.message : String(error) });
      } finally {
        await Promise.all([ours.close(), ml5.close()]);
      }
    }
    const pick = (size: number) => cases.find((c): c is FastStyleCase => c.backend === 'webgl' && c.size === size && 'oursMs' in c);
    return {
      model: MODEL,
      photo: `${PHOTO}, squashed to size x size`,
      browser: `Chromium ${browser.version()}`,
      webglRenderer: renderer,
      warmup,
      runs,
      cases,
      fastOverMl5: pick(512)?.oursOverMl5 ?? null,
      fastMaxAbsDiffVsMl5: pick(512)?.maxAbsDiff ?? null,
      fastOverMl5At256: pick(256)?.oursOverMl5 ?? null,
      fastMaxAbsDiffVsMl5At256: pick(256)?.maxAbsDiff ?? null,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

async function benchCase(ours: Page, ml5: Page, backend: string, size: number, rgb: string, warmup: number, runs: number): Promise<FastStyleCase> {
  const oursRuns = await ours.evaluate(([r, s, w, n]) => window.layerlensStyleBench.time('fast-style-wave', r, s, s, w, n), [rgb, size, warmup, runs] as const);
  const ml5Runs = await ml5.evaluate(([r, s, w, n]) => window.ml5Bench.time('forward', r, s, s, w, n), [rgb, size, warmup, runs] as const);
  const transferRuns = await ml5.evaluate(([r, s, n]) => window.ml5Bench.time('transfer', r, s, s, 1, n), [rgb, size, runs] as const);
  const a = floats(await ours.evaluate(([r, s]) => window.layerlensStyleBench.output('fast-style-wave', r, s, s), [rgb, size] as const));
  const b = floats(await ml5.evaluate(([r, s]) => window.ml5Bench.output(r, s, s), [rgb, size] as const));
  if (a.length !== b.length) throw new Error(`outputs differ in length: ours ${a.length}, ml5 ${b.length}`);
  let max = 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    max = Math.max(max, d);
    sum += d;
  }
  const oursMs = median(oursRuns);
  const ml5Ms = median(ml5Runs);
  return {
    backend,
    size,
    oursMs: round(oursMs, 1),
    ml5Ms: round(ml5Ms, 1),
    ml5TransferMs: round(median(transferRuns), 1),
    oursOverMl5: round(oursMs / ml5Ms, 3),
    maxAbsDiff: round(max, 4),
    meanAbsDiff: round(sum / a.length, 5),
    oursRuns: oursRuns.map((t) => round(t, 1)),
    ml5Runs: ml5Runs.map((t) => round(t, 1)),
  };
}

async function openOurs(page: Page, origin: string, backend: string): Promise<void> {
  await page.goto(`${origin}/engine/style/`);
  await page.waitForFunction(() => 'layerlensStyleBench' in window);
  const got = await page.evaluate((b) => window.layerlensStyleBench.start(b as 'webgl'), backend);
  if (got !== backend) throw new Error(`our engine started ${got}, not ${backend}`);
}

/** The photo squashed to size x size, RGB bytes as base64. */
async function photoBytes(size: number): Promise<string> {
  const file = path.join(packDir('images-photos'), PHOTO);
  const rgb = await sharp(file).removeAlpha().resize(size, size, { fit: 'fill' }).raw().toBuffer();
  return rgb.toString('base64');
}

function floats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

async function webglRenderer(newPage: () => Promise<Page>): Promise<string> {
  const page = await newPage();
  try {
    return await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL2';
    });
  } finally {
    await page.close();
  }
}

declare global {
  interface Window {
    layerlensStyleBench: import('../../../src/client/style-bench.ts').StyleBenchApi;
    ml5Bench: {
      start(backend: string): Promise<string>;
      load(url: string): Promise<void>;
      time(kind: 'forward' | 'transfer', rgb: string, width: number, height: number, warmup: number, runs: number): Promise<number[]>;
      output(rgb: string, width: number, height: number): Promise<string>;
    };
    ml5: { tf: { getBackend(): string } };
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const result = await benchFastStyle(quick ? { sizes: [256], runs: 5 } : {});
  console.log(JSON.stringify(result, null, 2));
}
