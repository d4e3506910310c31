/**
 * The engine timings that matter on a GPU, each the median of a few runs after a warm-up (the first run
 * on WebGPU compiles its shaders): one forward pass and every conv layer's activations (Tiny Darknet,
 * 224 px), one dream step (the recipe at 224 px), one Gatys iteration at 256 and 384 px (VGG19 blocks 1-3,
 * as `npm run bench`'s style key), one fast-style pass at 512 and 1024 px. Each is skipped once the time
 * allowed is spent, so a slow machine still leaves time for the figures.
 */
import path from 'node:path';
import type { ImagePixels } from '../../../src/engine/index.ts';
import { dream, style } from '../../../src/engine/index.ts';
import { loadFastStyleModel, loadModel } from '../../../src/node/engine.ts';
import { decodeImageFile } from '../../../src/node/image.ts';
import { packDir } from '../../../src/node/paths.ts';
import { GATYS_BENCH_OPTIONS as GATYS } from '../bench/gatys-options.ts';
import { round, time } from '../bench/timing.ts';

/** The models and images the timings read (the kit ships them whatever articles it carries). */
export const TIMING_PACKS = ['tiny-darknet', 'vgg19', 'fast-style-wave'];
export const TIMING_IMAGES = ['images-photos/chelsea.png', 'images-styles/starrynight.jpg'];

/** Milliseconds per measure (median), or why it was not measured. */
export type Timings = Record<string, number | string>;

export async function measureTimings(deadline: number, runs: number): Promise<Timings> {
  const result: Timings = {};
  const measure = async (name: string, work: () => Promise<number>) => {
    if (performance.now() > deadline) result[name] = 'skipped: out of time';
    else
      try {
        result[name] = round(await work(), 1);
      } catch (error) {
        result[name] = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
  };
  const photo = await decodeImageFile(image(TIMING_IMAGES[0]!));
  const painting = await decodeImageFile(image(TIMING_IMAGES[1]!));
  const darknet = await loadModel('tiny-darknet');
  try {
    const layers = darknet.availableLayers.filter((name) => /^conv2d_\d+$/.test(name));
    const options = { resize: 'center-crop' as const };
    await measure('forwardMs', async () => (await time(() => darknet.predict(photo, options), { runs })).ms);
    await measure('allLayerActivationsMs', async () => {
      return (await time(() => darknet.activations(photo, layers, options), { runs })).ms;
    });
    await measure('dreamStepMs', () => dreamStepMs(darknet));
  } finally {
    darknet.dispose();
  }
  const vgg = await loadModel('vgg19', { upTo: [GATYS.contentLayer, ...GATYS.styleLayers.map((s) => s.layer)] });
  try {
    for (const side of [256, 384])
      await measure(`gatysIteration${side}Ms`, () => gatysIterationMs(vgg, photo, painting, side, runs));
  } finally {
    vgg.dispose();
  }
  const fast = await loadFastStyleModel(TIMING_PACKS[2]!);
  try {
    for (const side of [512, 1024])
      await measure(`fastStyle${side}Ms`, async () => {
        const square = squarePhoto(side);
        return (await time(() => fast.stylize(square), { warmup: 1, runs })).ms;
      });
  } finally {
    fast.dispose();
  }
  return result;
}

function image(ref: string): string {
  const [pack, file] = ref.split('/');
  return path.join(packDir(pack!), file!);
}

/** One step of the dream recipe at the gpu profile's 224 px: a 2-step warm-up, then the rate over 8 steps. */
async function dreamStepMs(network: Awaited<ReturnType<typeof loadModel>>): Promise<number> {
  const objective = dream.objectives.channel(dream.objectives.beforeNonLinearity(network, 'conv2d_6'), 8);
  const options = { width: 224, height: 224, seed: 0 };
  await dream.visualize(network, objective, { ...options, steps: 2 });
  const { stepsPerSecond } = await dream.visualize(network, objective, { ...options, steps: 8 });
  return 1000 / stepsPerSecond;
}

/** One Gatys iteration, timed by gatys() itself (its loop only), after a 1-iteration warm-up. */
async function gatysIterationMs(
  network: Awaited<ReturnType<typeof loadModel>>,
  content: ImagePixels,
  painting: ImagePixels,
  side: number,
  runs: number,
): Promise<number> {
  const size = { width: side, height: side };
  await style.gatys(network, content, painting, size, { ...GATYS, iterations: 1 });
  const { seconds } = await style.gatys(network, content, painting, size, { ...GATYS, iterations: runs });
  return (seconds * 1000) / runs;
}

/** A side x side RGB image (a smooth gradient: the networks' speed does not depend on the content). */
function squarePhoto(side: number): ImagePixels {
  const data = new Uint8Array(side * side * 3);
  for (let i = 0; i < side * side; i++) {
    const [x, y] = [i % side, Math.floor(i / side)];
    data.set([(x * 255) / side, (y * 255) / side, ((x + y) * 127) / side], i * 3);
  }
  return { width: side, height: side, channels: 3, data };
}
