/**
 * The network overview's speed in Chromium: Tiny VGG's whole overview (every layer, the grid image and its
 * PNG, the panel's data) recomputed for a new photo on wasm, through the convolution check page. It runs
 * against the built site when there is one, else the fixture site (npm run build:fixture builds the same
 * pages from the fixture content in about a minute, against the ten of a full build).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import type { ConvolutionBenchApi } from '../../../src/client/convolution-bench.ts';
import { withBrowser } from './browser.ts';

export interface ConvolutionBench {
  /** Median milliseconds for a new photo on wasm in Chromium (target at most 100), or null when not measured. */
  overviewMs: number | null;
  /** The first overview, the model's load included. */
  firstMs: number | null;
  /** Which site served the check page, and the backend; or why it did not run. */
  chromium: { site: string; backend: string; runs: number } | { error: string };
}

const SITES = ['dist', 'tests/fixtures/basic/dist'];

export async function benchConvolution(): Promise<ConvolutionBench> {
  const site = SITES.find((dir) => existsSync(path.join(PROJECT_ROOT, dir, 'engine/convolution/index.html')));
  if (!site)
    return {
      overviewMs: null,
      firstMs: null,
      chromium: { error: 'no built site (npm run build or npm run build:fixture)' },
    };
  return withBrowser(
    async (browser, origin) => {
      const page = await browser.newPage();
      await page.goto(`${origin}/engine/convolution/`);
      await page.waitForFunction(() => 'layerlensConvolutionBench' in window);
      const result = await page.evaluate(() =>
        (window as unknown as { layerlensConvolutionBench: ConvolutionBenchApi }).layerlensConvolutionBench.run('wasm'),
      );
      if (result.backend !== 'wasm')
        return { overviewMs: null, firstMs: null, chromium: { error: `Chromium started ${result.backend}, not wasm` } };
      const round = (ms: number) => Math.round(ms * 10) / 10;
      return {
        overviewMs: round(result.overviewMs),
        firstMs: round(result.firstMs),
        chromium: { site, backend: result.backend, runs: result.runs },
      };
    },
    path.join(PROJECT_ROOT, site),
  );
}

export function printConvolution(c: ConvolutionBench): string[] {
  if ('error' in c.chromium) return [`convolution: ${c.chromium.error}`];
  return [
    `convolution: Tiny VGG's overview for a new photo ${c.overviewMs} ms on ${c.chromium.backend} in Chromium (median of ${c.chromium.runs}, target at most 100; first ${c.firstMs} ms with the model load; ${c.chromium.site})`,
  ];
}
