/** Decodes an image file for the engine in Node with sharp, whose decoders match Chromium's. */
import sharp from 'sharp';
import type { ImagePixels } from '../engine/image/preprocess.ts';

/** The file's pixels without colour-profile conversion, as the browser's createImageBitmap(..., {colorSpaceConversion: 'none'}) gives them. */
export async function decodeImageFile(file: string): Promise<ImagePixels> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    channels: info.channels as ImagePixels['channels'],
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}
