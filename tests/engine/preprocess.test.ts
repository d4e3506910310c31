/** Image to input tensor: resize modes, alpha, grey, and large images. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pixelsToRgb, resizeGeometry, toInputTensor } from '../../src/engine/testing.ts';
import { initNodeBackend } from '../../src/node/engine.ts';
import { getModel } from '../../src/registry/index.ts';

const unit = getModel('tiny-darknet').preprocessing;

beforeAll(async () => {
  await initNodeBackend('wasm');
});

describe('resize geometry', () => {
  const source = { width: 400, height: 300 };
  const target = { width: 224, height: 224 };

  it('squash keeps the whole image and the exact target size', () => {
    expect(resizeGeometry(source, target, 'squash')).toEqual({ crop: [0, 0, 300, 400], out: target });
  });

  it('center-crop takes the central square', () => {
    expect(resizeGeometry(source, target, 'center-crop')).toEqual({ crop: [0, 50, 300, 300], out: target });
  });

  it('short-side keeps the aspect ratio', () => {
    expect(resizeGeometry(source, target, 'short-side').out).toEqual({ width: 299, height: 224 });
  });
});

describe('pixels to tensor', () => {
  it('lays transparent pixels on white and keeps opaque ones', async () => {
    const rgba = new Uint8Array([10, 20, 30, 255, 10, 20, 30, 0, 0, 0, 0, 128, 100, 100, 100, 255]);
    const rgb = pixelsToRgb({ width: 2, height: 2, channels: 4, data: rgba });
    const values = Array.from(await rgb.data());
    rgb.dispose();
    expect(values.slice(0, 6)).toEqual([10, 20, 30, 255, 255, 255]);
    values.slice(6, 9).forEach((v) => expect(v).toBeCloseTo(255 * (1 - 128 / 255), 3));
  });

  it('expands grey to three equal channels', async () => {
    const rgb = pixelsToRgb({ width: 2, height: 1, channels: 1, data: new Uint8Array([7, 200]) });
    expect(Array.from(await rgb.data())).toEqual([7, 7, 7, 200, 200, 200]);
    rgb.dispose();
  });

  it('rejects a buffer that does not match its dimensions', () => {
    expect(() => pixelsToRgb({ width: 3, height: 3, channels: 3, data: new Uint8Array(10) })).toThrow(
      /holds 10 values, expected 3x3x3/,
    );
  });

  it('averages before resizing a large image, so a fine checkerboard becomes flat grey, not aliased', async () => {
    const size = 2000;
    const data = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) data[y * size + x] = (x + y) % 2 ? 255 : 0;
    const input = toInputTensor(
      { width: size, height: size, channels: 1, data },
      unit,
      { width: 224, height: 224 },
      'squash',
    );
    expect(input.shape).toEqual([1, 224, 224, 3]);
    const values = await input.data();
    input.dispose();
    let min = 1;
    let max = 0;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect(min).toBeGreaterThan(0.45);
    expect(max).toBeLessThan(0.55);
    expect(tf.memory().numTensors).toBe(0);
  });
});
