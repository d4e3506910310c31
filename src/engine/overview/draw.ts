/**
 * The overview as one image: a grid with a column per layer and a row per drawn channel, every map at the
 * same tile size whatever its resolution (as CNN Explainer draws them), each coloured on its own range.
 * Each layer's maps are coloured at their own resolution by the feature-map atlas, then resized with hard
 * pixel edges into the grid, so no value is blended with its neighbours.
 */
import type { ValueRange } from '../model/value-range.ts';
import { featureMapAtlas, tileAtlas, type Rgba, type RgbaImage } from '../visual/atlas.ts';
import type { AtlasLayout } from '../visual/atlas-layout.ts';

export interface DrawnColumn {
  /** Interleaved [h, w, c] values. */
  data: Float32Array;
  shape: number[];
  /** Channels drawn, top to bottom. */
  channels: number[];
  /** Grid row of the first drawn channel (short columns are centred). */
  row0: number;
}

export function overviewAtlas(
  columns: DrawnColumn[],
  rows: number,
  tile: number,
  gap: number,
  background: Rgba,
): { image: RgbaImage; layout: AtlasLayout; ranges: ValueRange[][] } {
  const count = rows * columns.length;
  const tileBytes = tile * tile * 4;
  const tiles = new Uint8ClampedArray(count * tileBytes);
  for (let p = 0; p < tiles.length; p += 4) tiles.set(background, p);
  const ranges = columns.map((column, col) => {
    const [h = 1, w = 1] = column.shape;
    const strip = featureMapAtlas(column.data, column.shape, column.channels, 1, 0, background);
    column.channels.forEach((_, i) => {
      const cell = (column.row0 + i) * columns.length + col;
      resizeNearest(strip.image, i * h, w, h, tile, tiles.subarray(cell * tileBytes, (cell + 1) * tileBytes));
    });
    return strip.ranges;
  });
  const { image, layout } = tileAtlas(tiles, count, tile, tile, columns.length, gap, background);
  return { image, layout, ranges };
}

/** Rows y0..y0+h of a strip, `w` wide, resized to side x side with hard edges into `out`. */
function resizeNearest(strip: RgbaImage, y0: number, w: number, h: number, side: number, out: Uint8ClampedArray): void {
  for (let y = 0; y < side; y++) {
    const from = (y0 + Math.floor((y * h) / side)) * strip.width;
    for (let x = 0; x < side; x++) {
      const at = (from + Math.floor((x * w) / side)) * 4;
      out.set(strip.rgba.subarray(at, at + 4), (y * side + x) * 4);
    }
  }
}

/** Page `page` of a layer's channels, `count` at a time, wrapping at the end so every page has `count`. */
export function pageChannels(total: number, count: number, page: number): number[] {
  if (count >= total) return Array.from({ length: total }, (_, i) => i);
  const start = (page * count) % total;
  return Array.from({ length: count }, (_, i) => (start + i) % total);
}

/** `count` channels of `total`, evenly spaced from the first (all of them when count covers the layer). */
export function sampleChannels(total: number, count: number): number[] {
  if (count >= total) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor((i * total) / count));
}
