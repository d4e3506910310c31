/**
 * The benchmarks `npm run bench` runs, one key each, in this order (a later one may read an earlier one's
 * result). `browser` ones need the built site and Chromium.
 */
import path from 'node:path';
import { packDir } from '../../../src/node/paths.ts';
import { benchActivations, type ActivationsBench } from './activations.ts';
import { benchAttribution, type AttributionBench } from './attribution.ts';
import { benchBrowser, type BrowserTiming } from './browser.ts';
import { benchDream } from './dream.ts';
import { benchEmbedding, printEmbedding, type EmbeddingBench } from './embedding.ts';
import { benchConvolution, printConvolution, type ConvolutionBench } from './convolution.ts';
import { benchFastStyle } from './fast-style.ts';
import { benchPageWeight } from './page-weight.ts';
import { benchPrecompute } from './precompute.ts';
import { benchEta, printEta, type EtaHonesty } from './eta.ts';
import { benchSite } from './site.ts';
import { printSiteQuality } from './site-quality.ts';
import { benchGatys } from './style-gatys.ts';

export interface Benchmark<T> {
  key: string;
  what: string;
  browser: boolean;
  run(earlier: Record<string, unknown>): Promise<T>;
  print(result: T): string[];
}

function define<T>(benchmark: Benchmark<T>): Benchmark<T> {
  return benchmark;
}

type Activations = ActivationsBench & { perBackend: Record<string, ActivationsBench> };
type Chromium = Record<string, BrowserTiming | { error: string }>;

export const BENCHMARKS = [
  define<Activations>({
    key: 'activations',
    what: 'Tiny Darknet 224x224 on chelsea.png in Node (wasm, cpu)',
    browser: false,
    async run() {
      const image = path.join(packDir('images-photos'), 'chelsea.png');
      const perBackend: Record<string, ActivationsBench> = {};
      for (const backend of ['wasm', 'cpu'] as const) perBackend[backend] = await benchActivations(backend, image);
      const fastest = Object.values(perBackend).sort((a, b) => a.predictMs - b.predictMs)[0]!;
      return { ...fastest, perBackend };
    },
    print: (a) => [
      `activations (${a.backend}, the fastest CPU backend in Node):`,
      `  predict (engine)              ${a.predictMs} ms`,
      `  all ${a.convLayers} conv layers, one pass  ${a.allLayersMs} ms  = ${a.allLayersOverPredict}x predict`,
      `  per-layer tf.model loop       ${a.perLayerLoopMs} ms  = ${a.perLayerLoopOverAllLayers}x the one pass`,
      `  predict (tfjs-layers)         ${a.layersPredictMs} ms`,
      ...Object.entries(a.perBackend).map(
        ([n, v]) => `  Node ${n}: predict ${v.predictMs} ms, all layers ${v.allLayersMs} ms`,
      ),
    ],
  }),
  define<{ chromium: Chromium }>({
    key: 'backends',
    what: 'the engine check page per backend in headless Chromium (8 dream steps)',
    browser: true,
    // Dream speed in the browser: 8 steps (software WebGPU and cpu take seconds per step here).
    run: async () => ({ chromium: await benchBrowser(['wasm', 'webgl', 'webgpu', 'cpu'], 8) }),
    print: ({ chromium }) =>
      Object.entries(chromium).map(
        ([name, v]) =>
          `Chromium ${name}: ${'error' in v ? v.error : `${v.ms} ms per image (first run ${v.firstMs} ms, backend ${v.backend})`}`,
      ),
  }),
  define<Awaited<ReturnType<typeof benchDream>>>({
    key: 'dream',
    what: 'the recipe against naive ascent and against photos, Tiny Darknet',
    browser: false,
    async run(earlier) {
      const dream = await benchDream();
      const chromium = (earlier.backends as { chromium: Chromium } | undefined)?.chromium ?? {};
      const browserSteps = Object.entries(chromium).flatMap(([k, v]) =>
        'dreamStepsPerSecond' in v && v.dreamStepsPerSecond !== undefined
          ? [[`chromium-${k}`, v.dreamStepsPerSecond]]
          : [],
      );
      const nodeSteps = Object.entries(dream.stepsPerSecond).map(([k, v]) => [`node-${k}`, v]);
      return { ...dream, stepsPerSecond: Object.fromEntries([...nodeSteps, ...browserSteps]) };
    },
    print: (d) => [
      `dream (${d.size}x${d.size}, ${d.steps} steps): recipe / naive median ${d.recipeOverNaive} under transforms (recipe higher on ${d.recipeWins} units; ${d.recipeOverNaivePlain} on plain images), recipe / best photo patch median ${d.recipeOverPhotoMax} (recipe higher on ${d.recipeBeatsPhotos} units)`,
      ...d.units.map(
        (u) =>
          `  ${u.unit}: recipe ${u.recipe}, naive ${u.naive}, best photo patch ${u.photoMax} (${u.photo}); plain: recipe ${u.recipePlain}, naive ${u.naivePlain}`,
      ),
      `  steps per second: ${Object.entries(d.stepsPerSecond)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    ],
  }),
  define<Awaited<ReturnType<typeof benchStyle>>>({
    key: 'style',
    what: 'Gatys on VGG19 blocks 1-3 at 256x256 in Node wasm; fast style against ml5 in Chromium (WebGL, about 25 minutes)',
    browser: false,
    run: () => benchStyle(),
    print: (s) => [
      `style: Gatys ${s.gatys.size}x${s.gatys.size} on ${s.gatys.backend}: ${s.gatysItersPerSecond} iterations/s (${s.gatys.iterationMs} ms), ${s.gatys.gatysGflopsPerSecond} GFLOP/s at 3x forward = ${s.gatysConvEfficiency}x the measured conv throughput (${s.gatys.convGflopsPerSecond} GFLOP/s); ${s.gatysConvEfficiencyExecuted}x counting the convs actually run (2x forward)`,
      ...(s.fast?.cases ?? []).map((c) => {
        if ('error' in c) return `  fast style ${c.size}x${c.size} on ${c.backend}: ${c.error}`;
        const ml5 = c.ml5 ?? (c.ml5NoIm2col && !('error' in c.ml5NoIm2col) ? c.ml5NoIm2col : null);
        const against = ml5
          ? `ml5 ${ml5.ml5Ms} ms${c.ml5 ? '' : ' (im2col off)'} = ${ml5.oursOverMl5}x, max |diff| ${ml5.maxAbsDiff}/255`
          : `ml5 failed: ${c.ml5Error}`;
        return `  fast style ${c.size}x${c.size} on ${c.backend}: ours ${c.oursMs} ms, ${against}`;
      }),
    ],
  }),
  define<AttributionBench>({
    key: 'attribution',
    what: 'every attribution method on Tiny Darknet at 224x224 (wasm in Node and, with the site built, Chromium); six photos',
    browser: false,
    run: () => benchAttribution(),
    print: (a) => [
      `attribution (top class of ${a.photos.length} photos):`,
      `  ms Node wasm:     ${Object.entries(a.msNode)
        .map(([m, v]) => `${m} ${v}`)
        .join(', ')}`,
      `  ms Chromium wasm: ${
        'error' in a.msChromium
          ? a.msChromium.error
          : Object.entries(a.msChromium)
              .map(([m, v]) => `${m} ${v}`)
              .join(', ')
      }`,
      `  Grad-CAM vs ReLU(CAM)/196: ${a.gradCamVsCamRelDiff} relative; IG completeness error at most ${(a.igCompletenessError * 100).toFixed(1)}%`,
      ...Object.keys(a.deletionAuc).map(
        (m) =>
          `  ${m}: rho top ${a.sanityRho[m]?.top}, all ${a.sanityRho[m]?.all}; deletion AUC ${a.deletionAuc[m]}, insertion AUC ${a.insertionAuc[m]}`,
      ),
    ],
  }),
  define<EmbeddingBench>({
    key: 'embedding',
    what: 'feature space against pixel space, maps and placement on the 274-image corpus, Tiny Darknet in Node wasm',
    browser: false,
    run: () => benchEmbedding((line) => process.stderr.write(`${line}\n`)),
    print: printEmbedding,
  }),
  define<ConvolutionBench>({
    key: 'convolution',
    what: "Tiny VGG's network overview for a new photo on wasm in Chromium (the built site, else the fixture site)",
    // Not a `browser` key: it runs on the fixture site when the main site is not built.
    browser: false,
    run: () => benchConvolution(),
    print: printConvolution,
  }),
  define<Awaited<ReturnType<typeof benchPrecompute>>>({
    key: 'precompute',
    what: 'every article, empty cache then warm',
    browser: false,
    run: () => benchPrecompute(),
    print: (p) => [
      `precompute (${p.figures} figures on ${p.backend}): cold ${p.coldSeconds} s, warm ${p.warmSeconds} s = ${(p.warmOverCold * 100).toFixed(1)}% of cold (process wall time ${p.coldWallSeconds} s and ${p.warmWallSeconds} s)`,
    ],
  }),
  define<EtaHonesty>({
    key: 'eta',
    what: "the precompute ETA's worst factor from the time actually left, a cold run of the fixture site",
    browser: false,
    run: () => benchEta(),
    print: printEta,
  }),
  define<Awaited<ReturnType<typeof benchPageWeight>>>({
    key: 'page',
    what: "article 1's HTML, CSS and JavaScript before interaction",
    browser: true,
    run: () => benchPageWeight('/articles/what-each-layer-sees/'),
    print: (page) => [
      `page: article HTML+CSS+JS before interaction ${(page.articleBytesGzip / 1024).toFixed(1)} KiB gzipped (${(page.articleBytes / 1024).toFixed(1)} KiB raw, ${page.files} files)`,
    ],
  }),
  define<Awaited<ReturnType<typeof benchSite>>>({
    key: 'site',
    what: "every page's Lighthouse scores, axe in light and dark, the heaviest article, the worst layout shift; the main thread's longest task while figures recompute; VGG19 loads on the style article",
    browser: true,
    // --quality-only skips the recompute timings (minutes) when only the pages' quality is wanted.
    run: () => benchSite(!process.argv.includes('--quality-only'), (line) => process.stderr.write(`${line}\n`)),
    print: (s) => [
      `site:`,
      ...printSiteQuality(s),
      ...(s.longestTaskMs === undefined
        ? []
        : [
            `  longest main-thread task ${s.longestTaskMs} ms (article 1's recompute ${s.recomputeLongestTaskMs} ms, a dream re-run ${s.rerunLongestTaskMs} ms); VGG19 loaded ${s.vgg19Loads} time(s) on the style article`,
          ]),
    ],
  }),
];

/** Gatys in Node; fast style against ml5 in Chromium when the site is built (WebGL at 256 and 512, the issue's keys). */
async function benchStyle() {
  const gatys = await benchGatys('wasm', 256);
  const { siteBuilt } = await import('./browser.ts');
  // WebGL only (about 25 minutes on software WebGL): the cpu comparison, where ml5's tfjs 1.7 truncates its
  // first conv to integers, runs with npx tsx scripts/lib/bench/fast-style.ts.
  const fast = siteBuilt()
    ? await benchFastStyle({
        cases: [
          ['webgl', 256],
          ['webgl', 512],
        ],
      })
    : null;
  return {
    gatysItersPerSecond: gatys.gatysItersPerSecond,
    gatysConvEfficiency: gatys.gatysConvEfficiency,
    gatysConvEfficiencyExecuted: gatys.gatysConvEfficiencyExecuted,
    ...(fast
      ? {
          fastOverMl5: fast.fastOverMl5,
          fastMl5Error: fast.fastMl5Error,
          fastMaxAbsDiffVsMl5: fast.fastMaxAbsDiffVsMl5,
          fastOverMl5At256: fast.fastOverMl5At256,
          fastMaxAbsDiffVsMl5At256: fast.fastMaxAbsDiffVsMl5At256,
        }
      : {}),
    gatys,
    fast,
  };
}
