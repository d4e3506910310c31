/** Puts computed pixels into an <img> as a lossless PNG blob, keeping the precomputed URL to restore. */
import type { RgbaImage } from '../engine/visual/atlas.ts';

export async function showImage(image: HTMLImageElement, pixels: RgbaImage): Promise<void> {
  const canvas = new OffscreenCanvas(pixels.width, pixels.height);
  canvas
    .getContext('2d')!
    .putImageData(new ImageData(pixels.rgba as Uint8ClampedArray<ArrayBuffer>, pixels.width, pixels.height), 0, 0);
  const url = URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }));
  if (image.src.startsWith('blob:')) URL.revokeObjectURL(image.src);
  else image.dataset.original = image.src;
  // No await on image.decode(): a lazy image far below the viewport would not decode until scrolled to.
  image.src = url;
}
