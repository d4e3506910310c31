/**
 * `attribution`: every method's time on wasm in Node and in Chromium, Grad-CAM against CAM, Integrated
 * Gradients' completeness, the sanity check's rank correlations and the RISE areas, on Tiny Darknet for
 * the top class of six photos (224x224, squashed).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { attribution, type AttributionTarget, type Network } from '../../../src/engine/index.ts';
import { classActivationMap, gradCam } from '../../../src/engine/attribution/cam.ts';
import type { AttributionBenchApi } from '../../../src/client/attribution-bench.ts';
import { BENCH_METHODS, timeMethods } from '../../../src/figures/common/attribution/bench-methods.ts';
import { initNodeBackend, loadModel } from '../../../src/node/engine.ts';
import { decodeImageFile } from '../../../src/node/image.ts';
import { packDir, PROJECT_ROOT } from '../../../src/node/paths.ts';
import { withBrowser } from './browser.ts';

export const PHOTOS = ['chelsea.png', 'coffee.png', 'motorcycle_left.png', 'dog.jpg', 'eagle.jpg', 'chicago.jpg'];

export interface AttributionBench {
  photos: string[];
  msNode: Record<string, number>;
  msChromium: Record<string, number> | { error: string };
  gradCamVsCamRelDiff: number;
  igCompletenessError: number;
  igCompletenessPerPhoto: Record<string, number>;
  sanityRho: Record<string, { top: number | null; all: number | null }>;
  deletionAuc: Record<string, number>;
  insertionAuc: Record<string, number>;
}

type Tensor4D = ReturnType<typeof attribution.modelView>;

async function photoCase(network: Network, photo: string): Promise<{ rgb: Tensor4D; target: AttributionTarget }> {
  const pixels = await decodeImageFile(path.join(packDir('images-photos'), photo));
  const [top] = await network.classify(pixels, 1);
  return { rgb: attribution.modelView(network, pixels, 'squash'), target: { kind: 'class', index: top!.index } };
}

function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let [worst, scale] = [0, 0];
  for (let i = 0; i < a.length; i++)
    [worst, scale] = [Math.max(worst, Math.abs(a[i]! - b[i]!)), Math.max(scale, Math.abs(b[i]!))];
  return worst / scale;
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

export async function benchAttribution(): Promise<AttributionBench> {
  await initNodeBackend('wasm');
  const network = await loadModel('tiny-darknet', { from: 'mirror' });
  const first = await photoCase(network, PHOTOS[0]!);
  const msNode = await timeMethods(network, first.target, first.rgb);
  let gradCamVsCamRelDiff = 0;
  const igCompletenessPerPhoto: Record<string, number> = {};
  const deletion: Record<string, number[]> = {};
  const insertion: Record<string, number[]> = {};
  for (const photo of PHOTOS) {
    const { rgb, target } = await photoCase(network, photo);
    const index = (target as { index: number }).index;
    const grad = await gradCam(network, target, rgb, 'conv2d_15');
    const cam = await classActivationMap(network, index, rgb);
    gradCamVsCamRelDiff = Math.max(
      gradCamVsCamRelDiff,
      relativeDifference(
        grad.coarse.values,
        cam.coarse.values.map((v) => Math.max(0, v) / 196),
      ),
    );
    for (const spec of BENCH_METHODS) {
      const result = await attribution.attribute(network, spec, target, rgb);
      if (result.completeness) igCompletenessPerPhoto[photo] = round(result.completeness.error);
      const curves = await attribution.deletionInsertion(network, target, rgb, result.map);
      (deletion[spec.method] ??= []).push(curves.deletionAuc);
      (insertion[spec.method] ??= []).push(curves.insertionAuc);
    }
    rgb.dispose();
  }
  const sanityRho = await sanityRhos(network, first.rgb, first.target);
  first.rgb.dispose();
  network.dispose();
  const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    photos: PHOTOS,
    msNode,
    msChromium: await chromiumTimes(),
    gradCamVsCamRelDiff: Number(gradCamVsCamRelDiff.toPrecision(3)),
    igCompletenessError: Math.max(...Object.values(igCompletenessPerPhoto)),
    igCompletenessPerPhoto,
    sanityRho,
    deletionAuc: Object.fromEntries(Object.entries(deletion).map(([m, xs]) => [m, mean(xs)])),
    insertionAuc: Object.fromEntries(Object.entries(insertion).map(([m, xs]) => [m, mean(xs)])),
  };
}

/** Spearman's rho of each method's map with the top layer randomised, and with every layer randomised. */
async function sanityRhos(network: Network, rgb: Tensor4D, target: AttributionTarget) {
  const rhos: Record<string, { top: number | null; all: number | null }> = {};
  const top = await attribution.randomisedNetwork(network, 1);
  const all = await attribution.randomisedNetwork(network, Infinity);
  try {
    for (const spec of BENCH_METHODS) {
      const magnitude = async (n: Network) =>
        Float32Array.from((await attribution.attribute(n, spec, target, rgb)).map.values, Math.abs);
      const original = await magnitude(network);
      const rho = async (n: Network) => {
        const r = attribution.spearman(original, await magnitude(n));
        return r === null ? null : round(r, 3);
      };
      rhos[spec.method] = { top: await rho(top.network), all: await rho(all.network) };
    }
  } finally {
    top.dispose();
    all.dispose();
  }
  return rhos;
}

/** The same timings in Chromium (wasm) through the built site's attribution check page. */
async function chromiumTimes(): Promise<Record<string, number> | { error: string }> {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/engine/attribution/index.html')))
    return { error: 'site not built (npm run build)' };
  const file = path.join(packDir('images-photos'), PHOTOS[0]!);
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return withBrowser(async (browser, origin) => {
    const page = await browser.newPage();
    await page.goto(`${origin}/engine/attribution/`);
    await page.waitForFunction(() => 'layerlensAttributionBench' in window);
    const result = await page.evaluate(
      ([rgb, w, h]) =>
        (window as unknown as { layerlensAttributionBench: AttributionBenchApi }).layerlensAttributionBench.run(
          'wasm',
          rgb as string,
          w as number,
          h as number,
        ),
      [data.toString('base64'), info.width, info.height] as const,
    );
    if (result.backend !== 'wasm') return { error: `Chromium started ${result.backend}, not wasm` };
    return result.ms;
  });
}
