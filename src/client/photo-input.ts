/**
 * A reader's file to pixels for the engine, or a message saying why not and what to do. Large images are
 * downscaled while decoding, before anything reaches the GPU. No network: the photo stays on the device.
 */
import type { ImagePixels } from '../engine/image/preprocess.ts';
import { sniffImage } from './image-sniff.ts';
import { decodePng, isPng } from './png-decode.ts';

/** Longest side kept; larger photos are downscaled during decoding (models see 224 px anyway). */
export const MAX_SIDE = 2048;
/** Files above this size are refused before reading (a photo is rarely over 50 MB). */
export const MAX_BYTES = 200 * 1024 * 1024;
/** Above this many pixels a browser may refuse to decode at all. */
const MAX_SOURCE_PIXELS = 30000 * 30000;

export type PhotoResult = { ok: true; pixels: ImagePixels; notes: string[] } | { ok: false; message: string };

const SUPPORTED = 'JPEG, PNG, WebP, GIF, AVIF or BMP';

export async function readPhoto(file: Blob, name = 'image'): Promise<PhotoResult> {
  if (file.size === 0) return { ok: false, message: `${name} is empty.` };
  if (file.size > MAX_BYTES)
    return {
      ok: false,
      message: `${name} is ${(file.size / 2 ** 20).toFixed(0)} MB; pick an image under ${MAX_BYTES / 2 ** 20} MB.`,
    };
  const sniffed = sniffImage(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()));
  if (sniffed.kind === 'svg')
    return { ok: false, message: `${name} is an SVG drawing, not a photo. Export it as PNG or JPEG and try again.` };
  if (sniffed.kind === 'heic')
    return {
      ok: false,
      message: `${name} is a HEIC photo, which this browser cannot read. Export it as JPEG (on iPhone: Settings > Camera > Formats > Most Compatible) and try again.`,
    };
  if (sniffed.kind === 'unknown')
    return { ok: false, message: `${name} is not an image this page can read. Use a ${SUPPORTED} file.` };
  const { width, height } = sniffed;
  if (width && height && width * height > MAX_SOURCE_PIXELS) {
    return {
      ok: false,
      message: `${name} is ${width}×${height} pixels, too large to decode in a browser. Resize it below ${MAX_SIDE * 4} pixels a side.`,
    };
  }
  let pixels: ImagePixels;
  try {
    pixels = await decodeImage(file, width && height ? { width, height } : undefined);
  } catch {
    return {
      ok: false,
      message: `${name} could not be decoded: the file looks damaged or truncated. Try another copy, or a ${SUPPORTED} file.`,
    };
  }
  return {
    ok: true,
    pixels,
    notes: describe(pixels, width, height, sniffed.kind === 'raster' && sniffed.cmyk === true),
  };
}

/** Decodes without colour-profile conversion (as sharp does at build time), downscaling past MAX_SIDE. */
export async function decodeImage(source: Blob, size?: { width: number; height: number }): Promise<ImagePixels> {
  const scale = size ? Math.min(1, MAX_SIDE / Math.max(size.width, size.height)) : 1;
  // A canvas premultiplies alpha, changing semi-transparent pixels; our own PNG decoder gives sharp's exact
  // values. Anything it refuses (16-bit, damaged) falls through to the canvas.
  if (scale === 1 && isPng(new Uint8Array(await source.slice(0, 8).arrayBuffer())))
    try {
      return await decodePng(new Uint8Array(await source.arrayBuffer()));
    } catch {
      // the canvas below decodes what it can
    }
  const resize =
    scale < 1
      ? {
          resizeWidth: Math.max(1, Math.round(size!.width * scale)),
          resizeHeight: Math.max(1, Math.round(size!.height * scale)),
          resizeQuality: 'high' as const,
        }
      : {};
  const bitmap = await createImageBitmap(source, { colorSpaceConversion: 'none', premultiplyAlpha: 'none', ...resize });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, channels: 4, data };
  } finally {
    bitmap.close();
  }
}

/** What the reader should know about how their photo was used. */
function describe(pixels: ImagePixels, width?: number, height?: number, cmyk = false): string[] {
  const notes: string[] = [];
  if (width && height && (width !== pixels.width || height !== pixels.height))
    notes.push(`downscaled from ${width}×${height} to ${pixels.width}×${pixels.height}`);
  if (pixels.width < 32 || pixels.height < 32)
    notes.push(
      `only ${pixels.width}×${pixels.height} pixels: it is enlarged to the model's input, so the figures show little`,
    );
  if (cmyk) notes.push('CMYK JPEG converted to RGB');
  let alpha = false;
  let grey = true;
  const { data: d, channels } = pixels; // 4 from the canvas; 3 or 4 from the PNG decoder, as sharp gives
  const hasAlpha = channels === 2 || channels === 4;
  for (let i = 0; i < d.length; i += channels) {
    if (hasAlpha && d[i + channels - 1]! < 255) alpha = true;
    if (channels >= 3 && (d[i] !== d[i + 1] || d[i] !== d[i + 2])) grey = false;
    if (alpha && !grey) break;
  }
  if (alpha) notes.push('transparent areas are shown on white');
  if (grey) notes.push('black and white: colour-sensitive channels will stay dark');
  return notes;
}
