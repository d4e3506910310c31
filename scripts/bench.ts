/**
 * npm run bench [-- --json] [--no-browser]
 * Prints speed figures and ratios. With --json, one JSON object on stdout (progress goes to stderr);
 * each benchmark adds its own key.
 */
import path from 'node:path';
import { packDir } from '../src/node/paths.ts';
import { benchActivations, type ActivationsBench } from './lib/bench/activations.ts';
import { benchBrowser, benchPageWeight, siteBuilt } from './lib/bench/browser.ts';
import { benchPrecompute } from './lib/bench/precompute.ts';
import { benchDream } from './lib/bench/dream.ts';
import { benchGatys } from './lib/bench/style-gatys.ts';
import { benchFastStyle } from './lib/bench/fast-style.ts';
import { runMain } from './lib/main.ts';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const browserWanted = !args.has('--no-browser');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const image = path.join(packDir('images-photos'), 'chelsea.png'); // fetched by npm run models
  log('activations: Tiny Darknet, 224x224, chelsea.png, in Node');
  const perBackend: Record<string, ActivationsBench> = {};
  for (const backend of ['wasm', 'cpu'] as const) perBackend[backend] = await benchActivations(backend, image);
  const fastest = Object.values(perBackend).sort((a, b) => a.predictMs - b.predictMs)[0]!;

  log('dream: recipe against naive ascent and against photos, Tiny Darknet');
  const dream = await benchDream();

  log('style: Gatys on VGG19 blocks 1-3, 256x256, Node wasm');
  const gatys = await benchGatys('wasm', 256);

  log('precompute: every article, empty cache then warm');
  const precompute = await benchPrecompute();

  const browserReady = browserWanted && siteBuilt();
  if (browserWanted && !browserReady) log('  (site not built: run npm run build for the browser figures)');
  log(browserReady ? 'headless Chromium: engine per backend, article page weight' : '');
  // Dream speed in the browser: 8 steps (software WebGPU and cpu take seconds per step here).
  const chromium = browserReady ? await benchBrowser(['wasm', 'webgl', 'webgpu', 'cpu'], 8) : {};
  const page = browserReady ? await benchPageWeight('/articles/what-each-layer-sees/') : null;
  if (browserReady) log('fast style against ml5 0.12.2 in headless Chromium');
  // WebGL only (the issue's keys; about 25 minutes on software WebGL): the cpu comparison, where ml5's tfjs 1.7
  // truncates its first conv to integers, runs with npx tsx scripts/lib/bench/fast-style.ts.
  const fast = browserReady
    ? await benchFastStyle({
        cases: [
          ['webgl', 256],
          ['webgl', 512],
        ],
      })
    : null;

  const report = {
    activations: fastest,
    backends: {
      node: Object.fromEntries(
        Object.entries(perBackend).map(([k, v]) => [k, { predictMs: v.predictMs, allLayersMs: v.allLayersMs }]),
      ),
      chromium,
    },
    precompute,
    ...(page ? { page } : {}),
    style: {
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
      ...(fast ? { fast } : {}),
    },
    dream: {
      ...dream,
      stepsPerSecond: {
        ...Object.fromEntries(Object.entries(dream.stepsPerSecond).map(([k, v]) => [`node-${k}`, v])),
        ...Object.fromEntries(
          Object.entries(chromium).flatMap(([k, v]) =>
            'dreamStepsPerSecond' in v && v.dreamStepsPerSecond !== undefined
              ? [[`chromium-${k}`, v.dreamStepsPerSecond]]
              : [],
          ),
        ),
      },
    },
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const a = report.activations;
  log(`\nactivations (${a.backend}, the fastest CPU backend in Node):`);
  log(`  predict (engine)              ${a.predictMs} ms`);
  log(`  all ${a.convLayers} conv layers, one pass  ${a.allLayersMs} ms  = ${a.allLayersOverPredict}x predict`);
  log(`  per-layer tf.model loop       ${a.perLayerLoopMs} ms  = ${a.perLayerLoopOverAllLayers}x the one pass`);
  log(`  predict (tfjs-layers)         ${a.layersPredictMs} ms`);
  for (const [name, v] of Object.entries(perBackend))
    log(`  Node ${name}: predict ${v.predictMs} ms, all layers ${v.allLayersMs} ms`);
  for (const [name, v] of Object.entries(chromium)) {
    log(
      `  Chromium ${name}: ${'error' in v ? v.error : `${v.ms} ms per image (first run ${v.firstMs} ms, backend ${v.backend})`}`,
    );
  }
  log(
    `\nprecompute (${precompute.figures} figures on ${precompute.backend}): cold ${precompute.coldSeconds} s, warm ${precompute.warmSeconds} s = ${(precompute.warmOverCold * 100).toFixed(1)}% of cold (process wall time ${precompute.coldWallSeconds} s and ${precompute.warmWallSeconds} s)`,
  );
  const d = report.dream;
  log(
    `\ndream (${d.size}x${d.size}, ${d.steps} steps): recipe / naive median ${d.recipeOverNaive} under transforms (recipe higher on ${d.recipeWins} units; ${d.recipeOverNaivePlain} on plain images), recipe / best photo patch median ${d.recipeOverPhotoMax} (recipe higher on ${d.recipeBeatsPhotos} units)`,
  );
  for (const u of d.units)
    log(
      `  ${u.unit}: recipe ${u.recipe}, naive ${u.naive}, best photo patch ${u.photoMax} (${u.photo}); plain: recipe ${u.recipePlain}, naive ${u.naivePlain}`,
    );
  log(
    `  steps per second: ${Object.entries(d.stepsPerSecond)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  const g = report.style.gatys;
  log(
    `\nstyle: Gatys ${g.size}x${g.size} on ${g.backend}: ${g.gatysItersPerSecond} iterations/s (${g.iterationMs} ms), ${g.gatysGflopsPerSecond} GFLOP/s at 3x forward = ${g.gatysConvEfficiency}x the measured conv throughput (${g.convGflopsPerSecond} GFLOP/s); ${g.gatysConvEfficiencyExecuted}x counting the convs actually run (2x forward)`,
  );
  for (const c of fast?.cases ?? []) {
    if ('error' in c) {
      log(`  fast style ${c.size}x${c.size} on ${c.backend}: ${c.error}`);
      continue;
    }
    const ml5 = c.ml5 ?? (c.ml5NoIm2col && !('error' in c.ml5NoIm2col) ? c.ml5NoIm2col : null);
    const against = ml5
      ? `ml5 ${ml5.ml5Ms} ms${c.ml5 ? '' : ' (im2col off)'} = ${ml5.oursOverMl5}x, max |diff| ${ml5.maxAbsDiff}/255`
      : `ml5 failed: ${c.ml5Error}`;
    log(`  fast style ${c.size}x${c.size} on ${c.backend}: ours ${c.oursMs} ms, ${against}`);
  }
  if (page)
    log(
      `page: article HTML+CSS+JS before interaction ${(page.articleBytesGzip / 1024).toFixed(1)} KiB gzipped (${(page.articleBytes / 1024).toFixed(1)} KiB raw, ${page.files} files)`,
    );
}

runMain(main);
