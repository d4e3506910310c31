/**
 * Hand-made kernels in the engine (tfjs conv2d on wasm, as the build runs it): identity gives the grey
 * photo back exactly, a box blur leaves a flat image flat up to its border, Sobel x answers a vertical step
 * edge and nothing else, with the sign of a correlation; and the drawing of the output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backend, operations, visual, type ImagePixels } from '../../src/engine/index.ts';
import { initNodeBackend } from '../../src/node/engine.ts';

const IDENTITY = [0, 0, 0, 0, 1, 0, 0, 0, 0];
const BOX = Array<number>(9).fill(1 / 9);
const SOBEL_X = [-1, 0, 1, -2, 0, 2, -1, 0, 1];

/** An RGB image from a function of (x, y) giving [r, g, b] bytes. */
function image(width: number, height: number, at: (x: number, y: number) => number[]): ImagePixels {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(at(x, y), (y * width + x) * 3);
  return { width, height, channels: 3, data };
}

const size = (n: number) => ({ width: n, height: n });

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('hand-made kernels', () => {
  it('identity returns the grey photo exactly, and grey is the luma of the pixels', async () => {
    // A deterministic busy image (no two neighbours alike), at the model size so nothing is resampled.
    const pixels = image(24, 24, (x, y) => [(x * 37 + y * 11) % 256, (x * 5 + y * 53) % 256, (x * y * 7) % 256]);
    const tensors = backend.tensorCount();
    const result = await operations.handKernel(pixels, IDENTITY, size(24), 'squash');
    expect(backend.tensorCount()).toBe(tensors);
    expect([result.width, result.height]).toEqual([24, 24]);
    expect(Array.from(result.output)).toEqual(Array.from(result.grey));
    const [r, g, b] = [(3 * 37 + 5 * 11) % 256, (3 * 5 + 5 * 53) % 256, (3 * 5 * 7) % 256];
    expect(result.grey[5 * 24 + 3]).toBeCloseTo((0.299 * r + 0.587 * g + 0.114 * b) / 255, 6);
    expect(result.drawing).toBe('clip');
  });

  it('a box blur of a constant image is that constant everywhere, border included', async () => {
    const pixels = image(16, 16, () => [120, 60, 200]);
    const result = await operations.handKernel(pixels, BOX, size(16), 'squash');
    const level = (0.299 * 120 + 0.587 * 60 + 0.114 * 200) / 255;
    for (const v of result.output) expect(v).toBeCloseTo(level, 5);
  });

  it('Sobel x answers a vertical step edge (dark to bright: positive) and is 0 on the flat areas', async () => {
    const pixels = image(16, 16, (x) => (x < 8 ? [0, 0, 0] : [255, 255, 255]));
    const result = await operations.handKernel(pixels, SOBEL_X, size(16), 'squash');
    expect(result.drawing).toBe('magnitude');
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 16; x++) {
        const v = result.output[y * 16 + x]!;
        // The two columns either side of the step see it: right minus left, weights 1 + 2 + 1.
        if (x === 7 || x === 8) expect(v).toBeCloseTo(4, 4);
        else expect(v).toBeCloseTo(0, 6);
      }
    const flipped = await operations.handKernel(
      pixels,
      SOBEL_X.map((w) => -w),
      size(16),
      'squash',
    );
    expect(flipped.output[3 * 16 + 8]).toBeCloseTo(-4, 4);
  });

  it('resizes the photo as the model input does, to the size asked', async () => {
    const pixels = image(64, 48, (x) => [x * 4, x * 4, x * 4]);
    const result = await operations.handKernel(pixels, IDENTITY, size(16), 'squash');
    expect([result.width, result.height, result.grey.length]).toEqual([16, 16, 256]);
    expect(result.grey[15]!).toBeGreaterThan(result.grey[0]!);
  });

  it('refuses a kernel that is not 3x3 finite numbers', async () => {
    const pixels = image(4, 4, () => [0, 0, 0]);
    await expect(operations.handKernel(pixels, [1, 2, 3], size(4), 'squash')).rejects.toThrow(/9 finite numbers/);
    await expect(operations.handKernel(pixels, [...BOX.slice(1), NaN], size(4), 'squash')).rejects.toThrow(/finite/);
  });

  it('draws zero-sum kernels as |output| and the others clipped to 0..1', () => {
    expect(operations.kernelDrawing(SOBEL_X)).toBe('magnitude');
    expect(operations.kernelDrawing([0, -1, 0, -1, 5, -1, 0, -1, 0])).toBe('clip');
    const values = Float32Array.from([-0.5, 0.25, 1.5, -2]);
    const grey = (drawing: 'magnitude' | 'clip') =>
      Array.from(visual.greyImage(values, 4, 1, drawing).rgba.filter((_, i) => i % 4 === 0));
    expect(grey('magnitude')).toEqual([128, 64, 255, 255]);
    expect(grey('clip')).toEqual([0, 64, 255, 0]);
  });
});
