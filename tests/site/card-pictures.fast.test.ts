/**
 * The home page's card thumbnails and the link-preview card, on pictures made here with sharp: an atlas-like
 * figure with the light-paper margin the figures draw around their tiles, and a large smooth picture.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_BACKGROUND } from '../../src/figures/common/atlas-style.ts';
import { cardThumbnail, coverPixels, THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH } from '../../src/node/card-thumbnail.ts';
import { CARD_HEIGHT, CARD_WIDTH, previewCard } from '../../src/node/og-image.ts';

const [r, g, b] = PAGE_BACKGROUND;
let folder = '';
/** A 56 x 60 red tile (near the preview picture's shape) in a 2-pixel paper margin, as a one-tile atlas. */
let framed = '';
/** A 1600 x 1000 colour gradient, the size of a large cover figure. */
let large = '';

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'll-cards-'));
  framed = path.join(folder, 'framed.png');
  await sharp({ create: { width: 56, height: 60, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .extend({ top: 2, bottom: 2, left: 2, right: 2, background: { r, g, b } })
    .png()
    .toFile(framed);
  large = path.join(folder, 'large.png');
  const pixels = Buffer.alloc(1600 * 1000 * 3);
  for (let i = 0; i < 1600 * 1000; i++) {
    pixels[i * 3] = (i % 1600) % 256;
    pixels[i * 3 + 1] = Math.floor(i / 1600) % 256;
    pixels[i * 3 + 2] = 128;
  }
  await writeFile(
    large,
    await sharp(pixels, { raw: { width: 1600, height: 1000, channels: 3 } })
      .png()
      .toBuffer(),
  );
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('cover pictures', () => {
  it('drop the paper margin around an atlas and keep a picture without one whole', async () => {
    expect(await sharp(await coverPixels(framed).toBuffer()).metadata()).toMatchObject({ width: 56, height: 60 });
    expect(await sharp(await coverPixels(large).toBuffer()).metadata()).toMatchObject({ width: 1600, height: 1000 });
  });

  it('make a large cover a 16:9 WebP thumbnail far lighter than its PNG, and keep a pixelated one its size', async () => {
    const thumbnail = await cardThumbnail(large, false);
    expect(await sharp(thumbnail).metadata()).toMatchObject({
      format: 'webp',
      width: THUMBNAIL_WIDTH,
      height: THUMBNAIL_HEIGHT,
    });
    expect(thumbnail.byteLength).toBeLessThan(100_000);
    expect(await sharp(await cardThumbnail(framed, true)).metadata()).toMatchObject({
      format: 'webp',
      width: 56,
      height: 60,
    });
  });

  it('show no paper frame in the link-preview card', async () => {
    const png = await previewCard({ file: framed, width: 60, height: 64 }, 'A title', 'Part 1 of 1');
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    // The picture fills the right 560 pixels: its top row and right column are the tile's red, not paper.
    for (const [x, y] of [
      [CARD_WIDTH - 280, 0],
      [CARD_WIDTH - 1, CARD_HEIGHT / 2],
    ] as const) {
      const at = (y * info.width + x) * info.channels;
      expect(data[at]).toBeGreaterThan(150);
      expect(data[at + 1]).toBeLessThan(80);
    }
  });
});
