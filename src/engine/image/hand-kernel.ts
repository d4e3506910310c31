/**
 * A hand-made 3x3 kernel (blur, sharpen, Sobel...) over the photo in grey: the image processing that a
 * CNN's first layer learns its own version of. The photo is resized exactly as the model's input (so the
 * result lines up pixel for pixel with a first-layer map), turned to grey, and run through one tfjs
 * conv2d, the same op a conv layer uses (a correlation: the kernel is not flipped).
 */
import * as tf from '@tensorflow/tfjs-core';
import { valueRange, type ValueRange } from '../model/value-range.ts';
import type { RgbaImage } from '../visual/atlas.ts';
import { pixelsToRgb, resizeRgb, type ImagePixels, type InputSize, type ResizeMode } from './preprocess.ts';

/** Rec. 601 luma, the classic grey of R, G and B. */
const LUMA = [0.299, 0.587, 0.114];

/**
 * How the kernel's output becomes grey levels:
 * - 'magnitude': kernels whose weights sum to 0 (edge detectors) answer 0 on flat areas and ± at edges;
 *   |output| is drawn, clipped at 1, so an edge is bright whichever way it runs;
 * - 'clip': kernels that keep the brightness (identity, blur, sharpen) are drawn as they are, clipped to 0..1.
 */
export type KernelDrawing = 'magnitude' | 'clip';

export interface HandKernelResult {
  width: number;
  height: number;
  /** The photo in grey, 0..1, as the kernel reads it. */
  grey: Float32Array;
  /** The kernel's output at every pixel (the border mirrored, so the picture's own edge is no edge). */
  output: Float32Array;
  /** The output's range over the photo. */
  range: ValueRange;
  drawing: KernelDrawing;
}

/** The drawing a kernel gets: 'magnitude' when its weights sum to 0 (to float rounding), else 'clip'. */
export function kernelDrawing(kernel: readonly number[]): KernelDrawing {
  const sum = kernel.reduce((a, b) => a + b, 0);
  const scale = kernel.reduce((a, b) => a + Math.abs(b), 0);
  return Math.abs(sum) <= 1e-6 * Math.max(1, scale) ? 'magnitude' : 'clip';
}

/** The photo resized as the model's input (`size`, `resize`), in grey, through a 3x3 kernel (row-major). */
export async function handKernel(
  pixels: ImagePixels,
  kernel: readonly number[],
  size: InputSize,
  resize: ResizeMode,
): Promise<HandKernelResult> {
  if (kernel.length !== 9 || !kernel.every(Number.isFinite))
    throw new Error(`A hand-made kernel is 9 finite numbers (3x3, row-major); got ${JSON.stringify(kernel)}.`);
  const [grey, output] = tf.tidy(() => {
    const rgb = tf.div(resizeRgb(pixelsToRgb(pixels), size, resize), 255);
    const grey = tf.sum(tf.mul(rgb, tf.tensor1d(LUMA)), 2, true) as tf.Tensor3D;
    // Symmetric padding: a flat photo stays flat up to its border (zero padding would draw a frame).
    const padded = tf.mirrorPad(
      grey,
      [
        [1, 1],
        [1, 1],
        [0, 0],
      ],
      'symmetric',
    );
    const weights = tf.tensor4d(kernel as number[], [3, 3, 1, 1]);
    return [grey, tf.conv2d(padded, weights, 1, 'valid')];
  });
  const [height, width] = grey.shape as [number, number, number];
  const [greyData, outputData] = await Promise.all([grey.data<'float32'>(), output.data<'float32'>()]).finally(() =>
    tf.dispose([grey, output]),
  );
  return {
    width,
    height,
    grey: greyData,
    output: outputData,
    range: valueRange(outputData),
    drawing: kernelDrawing(kernel),
  };
}

/** Values as an opaque grey image, by a kernel drawing (the grey photo itself: 'clip'). */
export function greyImage(values: Float32Array, width: number, height: number, drawing: KernelDrawing): RgbaImage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < values.length; i++) {
    const v = drawing === 'magnitude' ? Math.abs(values[i]!) : values[i]!;
    // Uint8ClampedArray rounds and clips to 0..255.
    rgba.fill(v * 255, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}
