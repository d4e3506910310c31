/**
 * Lays out many small images (feature-map channels, filter tiles) in one RGBA atlas: one image file per
 * figure instead of hundreds, a grid with a gap, and a layout description so a click can be mapped back
 * to its tile.
 */
import { valueRange, type ValueRange } from '../model/value-range.ts';
import { VIRIDIS } from './colormap.ts';
import { atlasLayout, tileOrigin, type AtlasLayout } from './atlas-layout.ts';

export { atlasLayout, tileOrigin, type AtlasLayout };

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA bytes, row-major. */
  rgba: Uint8ClampedArray;
}

/** An RGBA colour, 0-255 per channel. */
export type Rgba = readonly [number, number, number, number];

/** An empty atlas filled with the background (what shows in the gaps: the caller's choice, e.g. the page's colour). */
export function blankAtlas(layout: AtlasLayout, background: Rgba): RgbaImage {
  const rgba = new Uint8ClampedArray(layout.width * layout.height * 4);
  for (let p = 0; p < rgba.length; p += 4) rgba.set(background, p);
  return { width: layout.width, height: layout.height, rgba };
}

/**
 * Feature-map channels of an interleaved [h, w, c] activation, each normalised to its own range and
 * coloured with viridis. Returns the atlas and each drawn channel's value range.
 */
export function featureMapAtlas(
  data: Float32Array,
  shape: number[],
  channels: number[],
  columns: number,
  gap: number,
  background: Rgba,
): { image: RgbaImage; layout: AtlasLayout; ranges: ValueRange[] } {
  const [h = 1, w = 1, c = 1] = shape;
  const layout = atlasLayout(channels.length, w, h, columns, gap);
  const image = blankAtlas(layout, background);
  const ranges = channels.map((channel, index) => {
    const range = valueRange(data, c, channel);
    const span = range.max - range.min;
    const [x0, y0] = tileOrigin(layout, index);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = data[(y * w + x) * c + channel]!;
        const level = span > 0 ? Math.round(((v - range.min) / span) * 255) : 0;
        const p = ((y0 + y) * layout.width + x0 + x) * 4;
        image.rgba[p] = VIRIDIS[level * 3]!;
        image.rgba[p + 1] = VIRIDIS[level * 3 + 1]!;
        image.rgba[p + 2] = VIRIDIS[level * 3 + 2]!;
        image.rgba[p + 3] = 255;
      }
    }
    return range;
  });
  return { image, layout, ranges };
}

/** Copies same-sized RGBA tiles (tile after tile in `tiles`) into an atlas. */
export function tileAtlas(
  tiles: Uint8ClampedArray,
  count: number,
  tileWidth: number,
  tileHeight: number,
  columns: number,
  gap: number,
  background: Rgba,
): { image: RgbaImage; layout: AtlasLayout } {
  const layout = atlasLayout(count, tileWidth, tileHeight, columns, gap);
  const image = blankAtlas(layout, background);
  const rowBytes = tileWidth * 4;
  for (let i = 0; i < count; i++) {
    const [x0, y0] = tileOrigin(layout, i);
    for (let y = 0; y < tileHeight; y++) {
      const from = (i * tileHeight + y) * rowBytes;
      image.rgba.set(tiles.subarray(from, from + rowBytes), ((y0 + y) * layout.width + x0) * 4);
    }
  }
  return { image, layout };
}

/** Copies a tile into the atlas; returns the atlas (for frames). */
export function placeTile(atlas: RgbaImage, layout: AtlasLayout, index: number, tile: RgbaImage): RgbaImage {
  const [x0, y0] = tileOrigin(layout, index);
  for (let y = 0; y < tile.height; y++) {
    atlas.rgba.set(
      tile.rgba.subarray(y * tile.width * 4, (y + 1) * tile.width * 4),
      ((y0 + y) * layout.width + x0) * 4,
    );
  }
  return atlas;
}
