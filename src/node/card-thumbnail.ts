/**
 * A home-page card's picture: the cover cropped to the card's 16:9 box and scaled to twice the widest card
 * (a sharp picture on a 2x screen), as WebP. A cover figure is often a megabyte of PNG (a 906 px dream, a
 * 1810 px strip of tiles); shown whole on the home page it made the first card's paint wait seconds on a
 * phone's connection. The crop is the one the card's CSS makes (`object-fit: cover`, centred).
 */
import sharp, { type Sharp } from 'sharp';
import { PAGE_BACKGROUND } from '../figures/common/atlas-style.ts';

export const THUMBNAIL_WIDTH = 720;
export const THUMBNAIL_HEIGHT = 405;

/**
 * The thumbnail as WebP bytes, from an image file sharp reads. A pixelated cover (a figure of a few dozen
 * pixels a side, which the card scales up in blocks) keeps its size: WebP alone makes it a fifth of its PNG.
 */
export async function cardThumbnail(file: string, pixelated: boolean): Promise<Buffer> {
  const image = coverPixels(file);
  if (pixelated) return image.webp({ quality: 85, effort: 5 }).toBuffer();
  return image
    .resize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, { fit: 'cover', position: 'centre', kernel: 'lanczos3' })
    .webp({ quality: 80, effort: 5 })
    .toBuffer();
}

/**
 * A cover's pixels without the light-paper margin an atlas figure draws around its tiles: on the dark card
 * (and the dark link preview) that margin shows as a thin white frame. Only the margin goes: the gaps between
 * tiles stay.
 */
export function coverPixels(file: string): Sharp {
  const [r, g, b] = PAGE_BACKGROUND;
  return sharp(file).trim({ background: { r, g, b }, threshold: 4 });
}
