/**
 * npm run bench [-- --json] [--no-browser]
 * Prints speed figures and ratios. With --json, one JSON object on stdout (progress goes to stderr);
 * later benchmarks add their own keys beside `activations`.
 */
import path from 'node:path';
import { imagesRoot } from '../tests/helpers/images.ts';
import { benchActivations, type ActivationsBench } from './lib/bench/activations.ts';
import { benchBrowser } from './lib/bench/browser.ts';

const args = new Set(process.argv.slice(2));
const json = args.has('--json');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const image = path.join(imagesRoot(), 'photos/chelsea.png');
  log('Tiny Darknet, 224x224, chelsea.png: all conv activations vs predict vs per-layer models');
  const perBackend: Record<string, ActivationsBench> = {};
  for (const backend of ['wasm', 'cpu'] as const) {
    log(`  Node ${backend}...`);
    perBackend[backend] = await benchActivations(backend, image);
  }
  const fastest = Object.values(perBackend).sort((a, b) => a.predictMs - b.predictMs)[0]!;
  const browser = args.has('--no-browser') ? {} : (log('  headless Chromium...'), await benchBrowser(['wasm', 'webgl', 'webgpu', 'cpu']));
  const report = {
    activations: fastest,
    backends: {
      node: Object.fromEntries(Object.entries(perBackend).map(([k, v]) => [k, { predictMs: v.predictMs, allLayersMs: v.allLayersMs }])),
      chromium: browser,
    },
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const a = report.activations;
  log(`\nactivations (${a.backend}, fastest CPU backend in Node):`);
  log(`  predict (engine)            ${a.predictMs} ms`);
  log(`  all ${a.convLayers} conv layers, one pass  ${a.allLayersMs} ms   = ${a.allLayersOverPredict}x predict`);
  log(`  per-layer tf.model loop     ${a.perLayerLoopMs} ms   = ${a.perLayerLoopOverAllLayers}x the one-pass`);
  log(`  predict (tfjs-layers)       ${a.layersPredictMs} ms`);
  for (const [name, v] of Object.entries(perBackend)) log(`  Node ${name}: predict ${v.predictMs} ms, all layers ${v.allLayersMs} ms`);
  for (const [name, v] of Object.entries(browser)) {
    log(`  Chromium ${name}: ${'error' in v ? v.error : `${v.ms} ms (first run ${v.firstMs} ms, backend ${v.backend})`}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
