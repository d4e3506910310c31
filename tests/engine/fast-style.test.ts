/**
 * Fast style transfer on the real checkpoints (from the mirror) and a real photo: output size for even and
 * odd sizes, wasm and cpu agreeing, the instance-norm order (shift, then scale) shown by the swapped order
 * washing the picture out, styles differing, no leaked tensors, and clear errors for a damaged checkpoint
 * or a photo too large to run.
 */
import * as tf from '@tensorflow/tfjs-core';
import { copyFile, mkdtemp, readdir, rm, symlink, truncate, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFastStyle, type ImagePixels, type RgbaImage } from '../../src/engine/index.ts';
import { FAST_STYLE_MAX_PIXELS, FastStyleNetwork } from '../../src/engine/testing.ts';
import { convInBands } from '../../src/engine/style/conv-bands.ts';
import { readStyleLayers } from '../../src/engine/style/fast-style-weights.ts';
import { CorruptWeightsError, MissingWeightsError } from '../../src/engine/testing.ts';
import { initNodeBackend } from '../../src/node/engine.ts';
import { describeFailure } from '../../src/node/failure.ts';
import { FolderSource, mirrorSource } from '../../src/node/fs-source.ts';
import { decodeImageFile } from '../../src/node/image.ts';
import { modelSpec } from '../../src/registry/index.ts';
import { photoPath } from '../helpers/images.ts';

const load = (style: string) => loadFastStyle(modelSpec(`fast-style-${style}`), mirrorSource(`fast-style-${style}`));

/** Per-channel standard deviation and mean of an RGBA image, 0..255 scale. */
function channelStats(image: RgbaImage): { std: number; mean: number }[] {
  return [0, 1, 2].map((c) => {
    let sum = 0;
    let squares = 0;
    const n = image.width * image.height;
    for (let i = c; i < image.rgba.length; i += 4) {
      sum += image.rgba[i]!;
      squares += image.rgba[i]! ** 2;
    }
    const mean = sum / n;
    return { mean, std: Math.sqrt(squares / n - mean ** 2) };
  });
}

/** Washed out: the channels' contrast averages under 25 levels (the styled photos measure 45-60, the swapped order 8-15). */
function washedOut(image: RgbaImage): boolean {
  return channelStats(image).reduce((sum, c) => sum + c.std, 0) / 3 < 25;
}

function maxAbsDiff(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

function meanAbsDiff(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

let photo: ImagePixels;
let wave: FastStyleNetwork;

beforeAll(async () => {
  await initNodeBackend('wasm');
  photo = await decodeImageFile(photoPath('chelsea.png')); // 451 x 300
  wave = await load('wave');
});
afterAll(() => wave.dispose());

describe('fast style transfer', () => {
  it('keeps the size for even and odd sizes', async () => {
    for (const [maxSide, width, height] of [
      [96, 96, 64],
      [67, 67, 45],
      [30, 30, 20],
      [5, 5, 3],
    ] as const) {
      const image = await wave.stylize(photo, { maxSide });
      expect([image.width, image.height]).toEqual([width, height]);
      expect(image.rgba.length).toBe(width * height * 4);
    }
    const odd = tf.fill([45, 67, 3], 128) as tf.Tensor3D;
    const out = wave.stylizeTensor(odd);
    expect(out.shape).toEqual([45, 67, 3]);
    tf.dispose([odd, out]);
  });

  it('gives the same bytes (within 1/255) on wasm and cpu', async () => {
    const onWasm = await wave.stylize(photo, { maxSide: 128 });
    await initNodeBackend('cpu');
    try {
      const waveCpu = await load('wave');
      const onCpu = await waveCpu.stylize(photo, { maxSide: 128 });
      waveCpu.dispose();
      expect([onCpu.width, onCpu.height]).toEqual([128, 85]);
      expect(maxAbsDiff(onWasm.rgba, onCpu.rgba)).toBeLessThanOrEqual(1);
    } finally {
      await initNodeBackend('wasm');
    }
  });

  it('reads shift then scale: the swapped order washes the picture out', async () => {
    for (const style of ['wave', 'udnie']) {
      const spec = modelSpec(`fast-style-${style}`);
      const layers = await readStyleLayers(spec, mirrorSource(spec.id));
      const right = new FastStyleNetwork(spec, layers);
      const swapped = new FastStyleNetwork(
        spec,
        layers.map((l) => ({ filter: l.filter, shift: l.scale, scale: l.shift })),
      );
      const styled = await right.stylize(photo, { maxSide: 128 });
      const pale = await swapped.stylize(photo, { maxSide: 128 });
      right.dispose(); // frees the tensors both share
      expect(washedOut(styled), `${style}: ${JSON.stringify(channelStats(styled))}`).toBe(false);
      expect(washedOut(pale), `${style} swapped: ${JSON.stringify(channelStats(pale))}`).toBe(true);
    }
  });

  it('gives different pictures for different styles', async () => {
    const udnie = await load('udnie');
    const a = await wave.stylize(photo, { maxSide: 96 });
    const b = await udnie.stylize(photo, { maxSide: 96 });
    udnie.dispose();
    expect(meanAbsDiff(a.rgba, b.rgba)).toBeGreaterThan(20);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await wave.stylize(photo, { maxSide: 64 });
    const input = tf.fill([33, 21, 3], 100) as tf.Tensor3D;
    wave.stylizeTensor(input).dispose();
    input.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes a conv in bands (as on WebGL) equal to the whole conv', () => {
    const x = tf.randomUniform([13, 11, 5], -1, 1, 'float32', 1) as tf.Tensor3D;
    const filter = tf.randomUniform([9, 9, 5, 4], -1, 1, 'float32', 2) as tf.Tensor4D;
    const whole = tf.conv2d(x, filter, 1, 'same');
    for (const rows of [1, 4, 13]) {
      const banded = convInBands(x, filter, rows);
      expect(banded.shape).toEqual([13, 11, 4]);
      expect(tf.tidy(() => tf.max(tf.abs(tf.sub(banded, whole))).dataSync()[0])).toBeLessThan(1e-4);
      banded.dispose();
    }
    tf.dispose([x, filter, whole]);
  });

  it('refuses a photo beyond the size limit, and runs it scaled down', async () => {
    const big: ImagePixels = { width: 1100, height: 1000, channels: 3, data: new Uint8Array(1100 * 1000 * 3).fill(90) };
    expect(1100 * 1000).toBeGreaterThan(FAST_STYLE_MAX_PIXELS);
    const before = tf.memory().numTensors;
    await expect(wave.stylize(big)).rejects.toThrow(/1100x1000 photo .* beyond .* limit of 1048576 pixels.*maxSide/);
    expect(tf.memory().numTensors).toBe(before);
    const small = await wave.stylize(big, { maxSide: 44 });
    expect([small.width, small.height]).toEqual([44, 40]);
  });
});

describe('a damaged checkpoint', () => {
  let folder: string;

  beforeAll(async () => {
    // A copy of the mirror's pack made of links, with single files replaced per test.
    folder = await mkdtemp(path.join(tmpdir(), 'layerlens-fast-style-'));
    const source = mirrorSource('fast-style-wave');
    for (const file of await readdir(source.location))
      await symlink(path.join(source.location, file), path.join(folder, file));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const spec = modelSpec('fast-style-wave');

  it('names a truncated weight file and the fetch command', async () => {
    const file = path.join(folder, 'Variable_12');
    await unlink(file);
    await copyFile(path.join(mirrorSource(spec.id).location, 'Variable_12'), file);
    await truncate(file, 1000);
    const before = tf.memory().numTensors;
    const error: unknown = await loadFastStyle(spec, new FolderSource(folder)).then(
      (network) => network.dispose(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorruptWeightsError);
    const { message } = error as Error;
    expect(message).toContain('Variable_12 in');
    expect(message).toContain('is corrupt (1000 bytes, expected 589824');
    expect(describeFailure(error)).toContain('Fix: fetch it again');
    expect(describeFailure(error)).toContain('npm run models -- fast-style-wave');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names a missing weight file and the fetch command', async () => {
    await unlink(path.join(folder, 'Variable_45'));
    const error: unknown = await loadFastStyle(spec, new FolderSource(folder)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingWeightsError);
    expect((error as Error).message).toMatch(/are missing from .*layerlens-fast-style-.*: Variable_45/);
    expect(describeFailure(error)).toContain('Fix: fetch the model: npm run models -- fast-style-wave');
  });
});
