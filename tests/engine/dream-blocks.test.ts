/**
 * The feature-visualisation engine's building blocks on wasm: the Fourier parameterisation against the
 * inverse DFT by its definition, the transforms, the random draws. (The optimisation itself, objectives and
 * DeepDream are in dream.test.ts.)
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fourierBasis, disposeBasis, irfft2d } from '../../src/engine/dream/fourier.ts';
import { ensureGradients } from '../../src/engine/dream/gradients.ts';
import { fourierImage, pixelImage } from '../../src/engine/dream/param.ts';
import { mulberry32 } from '../../src/engine/dream/random.ts';
import { randomTransform, roll, rotateScale } from '../../src/engine/dream/transforms.ts';
import { initNodeBackend } from '../../src/node/engine.ts';

let baseline: number;

beforeAll(async () => {
  await initNodeBackend('wasm');
  await ensureGradients();
  baseline = tf.memory().numTensors;
});

function maxDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

describe('building blocks', () => {
  it('runs on wasm, where Conv2DBackpropFilter and UnsortedSegmentSum are missing', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeUndefined();
  });

  it('mulberry32 repeats with its seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
  });

  it('inverse real DFT by matrix products matches a direct sum (even and odd sizes)', () => {
    for (const [h, w] of [
      [6, 8],
      [5, 7],
    ] as const) {
      const fw = Math.floor(w / 2) + 1;
      const random = mulberry32(h * w);
      const spectrum = Float32Array.from({ length: h * 2 * fw }, () => random() - 0.5);
      const basis = fourierBasis(h, w);
      const image = tf.tidy(() => irfft2d(tf.tensor2d(spectrum, [h, 2 * fw]), basis, 1).dataSync() as Float32Array);
      disposeBasis(basis);
      expect(maxDifference(image, directIrfft2d(spectrum, h, w))).toBeLessThan(1e-5);
    }
  });

  it('Fourier and pixel parameterisations give [1, h, w, 3] images in [0, 1]', () => {
    for (const param of [fourierImage({ width: 37, height: 40 }), pixelImage({ width: 37, height: 40 })]) {
      const [shape, min, max] = tf.tidy(() => {
        const params = param.init(mulberry32(1));
        // Large parameters push the sigmoid to its limits: still inside [0, 1].
        const image = param.render(tf.mul(params, 1000));
        return [image.shape, tf.min(image).dataSync()[0]!, tf.max(image).dataSync()[0]!] as const;
      });
      param.dispose();
      expect(shape).toEqual([1, 40, 37, 3]);
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(1);
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('rotates a test pattern by 90 degrees counter-clockwise and has a gradient', () => {
    const pattern = tf.buffer<tf.Rank.R4>([1, 5, 5, 1]);
    pattern.set(1, 0, 1, 3, 0); // up and right of the centre
    const input = pattern.toTensor();
    const rotated = tf.tidy(() => rotateScale(input, 90).dataSync() as Float32Array);
    const expected = new Float32Array(25);
    expected[1 * 5 + 1] = 1; // up and left of the centre
    expect(maxDifference(rotated, expected)).toBeLessThan(1e-5);
    // d(output at row 1, col 1) / d(input) is 1 at its source pixel (row 1, col 3).
    const gradient = tf.tidy(
      () =>
        tf
          .grad((x: tf.Tensor) =>
            tf.sum(tf.mul(rotateScale(x as tf.Tensor4D, 90), tf.tensor4d(expected, [1, 5, 5, 1]))),
          )(input)
          .dataSync() as Float32Array,
    );
    expect(maxDifference(gradient, input.dataSync() as Float32Array)).toBeLessThan(1e-5);
    input.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('random transforms and roll are differentiable and sized as expected', () => {
    const image = tf.randomUniform([1, 64, 64, 3]) as tf.Tensor4D;
    const [shape, gradientNorm] = tf.tidy(() => {
      const out = randomTransform(image, mulberry32(3));
      const g = tf.grad((x: tf.Tensor) => tf.sum(randomTransform(x as tf.Tensor4D, mulberry32(3))))(image);
      return [out.shape, tf.sum(tf.abs(g)).dataSync()[0]!] as const;
    });
    // pad 12, jitter 8, scale 0.9..1.1, jitter 4: 64 + 24 - 8 = 80, scaled, minus 4.
    expect(shape[1]).toBeGreaterThanOrEqual(Math.round(80 * 0.9) - 4);
    expect(shape[1]).toBeLessThanOrEqual(Math.round(80 * 1.1) - 4);
    expect(gradientNorm).toBeGreaterThan(0);
    const rolled = tf.tidy(() => roll(tf.reshape(tf.range(0, 4), [1, 1, 4, 1]) as tf.Tensor4D, 0, 1).dataSync());
    expect(Array.from(rolled)).toEqual([3, 0, 1, 2]);
    image.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

/** irfft2 by its definition, with numpy's conventions (imaginary parts of DC and Nyquist ignored). */
function directIrfft2d(spectrum: Float32Array, h: number, w: number): Float32Array {
  const fw = Math.floor(w / 2) + 1;
  const re = (k: number, l: number) => spectrum[k * 2 * fw + l]!;
  const im = (k: number, l: number) => spectrum[k * 2 * fw + fw + l]!;
  const out = new Float32Array(h * w);
  for (let m = 0; m < h; m++) {
    for (let n = 0; n < w; n++) {
      let total = 0;
      for (let l = 0; l < fw; l++) {
        const weight = l === 0 || 2 * l === w ? 1 : 2;
        let yr = 0;
        let yi = 0;
        for (let k = 0; k < h; k++) {
          const a = (2 * Math.PI * k * m) / h;
          yr += re(k, l) * Math.cos(a) - im(k, l) * Math.sin(a);
          yi += re(k, l) * Math.sin(a) + im(k, l) * Math.cos(a);
        }
        const b = (2 * Math.PI * l * n) / w;
        total += weight * (yr * Math.cos(b) - (weight === 1 ? 0 : yi * Math.sin(b)));
      }
      out[m * w + n] = total / (h * w);
    }
  }
  return out;
}
