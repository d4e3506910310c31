/** RGBA pixels as a lossless PNG blob (an OffscreenCanvas works in workers and pages alike). */
import type { RgbaImage } from '../engine/index.ts';
import type { Png } from './engine/protocol.ts';

export async function encodePng(image: RgbaImage): Promise<Png> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const pixels = new ImageData(image.rgba as Uint8ClampedArray<ArrayBuffer>, image.width, image.height);
  canvas.getContext('2d')!.putImageData(pixels, 0, 0);
  return { blob: await canvas.convertToBlob({ type: 'image/png' }), width: image.width, height: image.height };
}
