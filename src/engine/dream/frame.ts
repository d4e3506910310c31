/** Image tensors to plain pixels for figures and progress callbacks (no DOM: an RGBA byte array). */
import type * as tf from '@tensorflow/tfjs-core';
import type { RgbaImage } from '../visual/atlas.ts';

/** [1, h, w, 3] RGB in [0, 1] to its float values (row-major RGB) and RGBA bytes. Does not dispose. */
export async function readImage(rgb: tf.Tensor4D): Promise<{ pixels: Float32Array; image: RgbaImage }> {
  const [, height, width] = rgb.shape;
  const pixels = await rgb.data<'float32'>();
  return { pixels, image: rgbToRgba(pixels, width, height) };
}

export function rgbToRgba(pixels: Float32Array, width: number, height: number): RgbaImage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0, q = 0; p < pixels.length; p += 3, q += 4) {
    rgba[q] = Math.round(pixels[p]! * 255);
    rgba[q + 1] = Math.round(pixels[p + 1]! * 255);
    rgba[q + 2] = Math.round(pixels[p + 2]! * 255);
    rgba[q + 3] = 255;
  }
  return { width, height, rgba };
}
