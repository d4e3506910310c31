/**
 * Benchmark: Gatys style transfer speed on VGG19 (blocks 1-3) in Node, against the backend's own conv
 * throughput. The issue counts one iteration as 3x the forward conv FLOPs (forward, input gradient,
 * weight gradient); the engine's backward computes only the input gradient (the weights are constants),
 * so the convs it executes per iteration are 2x the forward's. Both efficiencies are reported.
 *
 * Run directly: npx tsx scripts/lib/bench/style-gatys.ts [size]
 */
import * as tf from '@tensorflow/tfjs-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendName, ImagePixels, Network } from '../../../src/engine/index.ts';
import { pixelsToRgb, preprocessRgb, resizeRgb } from '../../../src/engine/image/preprocess.ts';
import { forwardConvFlops } from '../../../src/engine/style/flops.ts';
import { gatys } from '../../../src/engine/style/gatys.ts';
import { initNodeBackend, loadModel } from '../../../src/node/engine.ts';
import { decodeImageFile } from '../../../src/node/image.ts';
import { packDir } from '../../../src/node/paths.ts';
import { CONTENT_LAYER, GATYS_BENCH_OPTIONS, STYLE_LAYERS } from './gatys-options.ts';
import { median, round, time } from './timing.ts';

/** Conv FLOPs per iteration as the issue counts them (forward, input gradient, weight gradient). */
const ISSUE_FLOPS_FACTOR = 3;
/** Conv FLOPs per iteration the engine executes: forward and input gradient (same cost for stride-1 'same' convs). */
const EXECUTED_FLOPS_FACTOR = 2;
const WARMUP = 2;
const TIMED = 5;

export interface GatysBench {
  size: number;
  backend: string;
  contentLayer: string;
  styleLayers: string[];
  /** Forward conv GFLOP through the deepest layer used. */
  forwardGflop: number;
  /** Median time of one forward pass through those layers on the inference (fused) path. */
  forwardMs: number;
  /** forwardGflop / forwardMs: the backend's conv throughput on this network at this size. */
  convGflopsPerSecond: number;
  /** One large conv (the biggest VGG19 block-3 shape at this size) on its own. */
  microConvGflopsPerSecond: number;
  /** Median time of one optimisation iteration. */
  iterationMs: number;
  gatysItersPerSecond: number;
  /** ISSUE_FLOPS_FACTOR x forward FLOPs per iteration, per second. */
  gatysGflopsPerSecond: number;
  /** gatysGflopsPerSecond / convGflopsPerSecond. */
  gatysConvEfficiency: number;
  executedFlopsFactor: number;
  /** The same efficiency counting the conv FLOPs actually executed (EXECUTED_FLOPS_FACTOR). */
  gatysConvEfficiencyExecuted: number;
}

export async function benchGatys(backend: BackendName = 'wasm', side = 256): Promise<GatysBench> {
  await initNodeBackend(backend);
  const size = { width: side, height: side };
  const network = await loadModel('vgg19', { upTo: [CONTENT_LAYER, ...STYLE_LAYERS] });
  try {
    const content = await decodeImageFile(path.join(packDir('images-photos'), 'chelsea.png'));
    const style = await decodeImageFile(path.join(packDir('images-styles'), 'starrynight.jpg'));
    const flops = forwardConvFlops(network, deepest(network, [CONTENT_LAYER, ...STYLE_LAYERS]), size);
    const forwardMs = await forwardTime(network, content, size);
    const iterationMs = await iterationTime(network, content, style, size);
    const convGflopsPerSecond = flops / 1e6 / forwardMs;
    const itersPerSecond = 1000 / iterationMs;
    const gatysGflopsPerSecond = (ISSUE_FLOPS_FACTOR * flops * itersPerSecond) / 1e9;
    const executedGflopsPerSecond = (EXECUTED_FLOPS_FACTOR * flops * itersPerSecond) / 1e9;
    return {
      size: side,
      backend: tf.getBackend(),
      contentLayer: CONTENT_LAYER,
      styleLayers: STYLE_LAYERS,
      forwardGflop: round(flops / 1e9, 3),
      forwardMs: round(forwardMs, 1),
      convGflopsPerSecond: round(convGflopsPerSecond),
      microConvGflopsPerSecond: round(await microConvGflopsPerSecond(side)),
      iterationMs: round(iterationMs, 1),
      gatysItersPerSecond: round(itersPerSecond, 3),
      gatysGflopsPerSecond: round(gatysGflopsPerSecond),
      gatysConvEfficiency: round(gatysGflopsPerSecond / convGflopsPerSecond, 3),
      executedFlopsFactor: EXECUTED_FLOPS_FACTOR,
      gatysConvEfficiencyExecuted: round(executedGflopsPerSecond / convGflopsPerSecond, 3),
    };
  } finally {
    network.dispose();
  }
}

/** The layer among `layers` that is computed last. */
function deepest(network: Network, layers: string[]): string {
  return layers.reduce((a, b) => (network.tap(b).stage > network.tap(a).stage ? b : a));
}

/** Median ms of one inference forward pass producing every layer the loss uses (fused kernels). */
async function forwardTime(
  network: Network,
  content: ImagePixels,
  size: { width: number; height: number },
): Promise<number> {
  const input = tf.tidy(() =>
    preprocessRgb(
      tf.expandDims(resizeRgb(pixelsToRgb(content), size, 'squash'), 0) as tf.Tensor4D,
      network.spec.preprocessing,
      'byte',
    ),
  );
  try {
    const { ms } = await time(
      async () => {
        const outputs = tf.tidy(() => network.forward(input, [CONTENT_LAYER, ...STYLE_LAYERS]));
        await Promise.all(outputs.map((t) => t.data()));
        tf.dispose(outputs);
      },
      { warmup: WARMUP, runs: TIMED },
    );
    return ms;
  } finally {
    input.dispose();
  }
}

/**
 * Median ms of one iteration: a warm-up run of WARMUP iterations, then TIMED one-iteration runs, each
 * timed by gatys() itself (its loop only: targets and the final read-back are outside it).
 */
async function iterationTime(
  network: Network,
  content: ImagePixels,
  style: ImagePixels,
  size: { width: number; height: number },
): Promise<number> {
  await gatys(network, content, style, size, { ...GATYS_BENCH_OPTIONS, iterations: WARMUP });
  const samples: number[] = [];
  for (let i = 0; i < TIMED; i++)
    samples.push(
      (await gatys(network, content, style, size, { ...GATYS_BENCH_OPTIONS, iterations: 1 })).seconds * 1000,
    );
  return median(samples);
}

/** GFLOP/s of the biggest block-3 conv at this input size (256 -> 256 channels, 3x3, at side / 4). */
async function microConvGflopsPerSecond(side: number): Promise<number> {
  const s = side / 4;
  const [x, w] = [tf.randomNormal([1, s, s, 256]) as tf.Tensor4D, tf.randomNormal([3, 3, 256, 256]) as tf.Tensor4D];
  try {
    const { ms } = await time(
      async () => {
        const y = tf.conv2d(x, w, 1, 'same');
        await y.data();
        y.dispose();
      },
      { warmup: WARMUP, runs: TIMED },
    );
    return (2 * 9 * 256 * 256 * s * s) / 1e6 / ms;
  } finally {
    tf.dispose([x, w]);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const side = Number(process.argv[2] ?? 256);
  console.log(JSON.stringify(await benchGatys('wasm', side), null, 2));
}
