/**
 * The map as a picture (what reads without JavaScript): each image of the set as a small thumbnail (its
 * 32x32 pixel-space copy) at its map position with a ring in its category's colour, and the photo, larger,
 * with lines to the neighbours it was placed among.
 */
import type { RgbaImage } from '../../../engine/index.ts';
import { enlargeRgb } from '../../../engine/visual/thumbnail.ts';

/** The live view's palette (map-view.css, --ll-map-c0 to c10), in the same order of first appearance. */
export const CATEGORY_COLOURS = [
  '#d02b31',
  '#2f9f3d',
  '#a540bb',
  '#b98403',
  '#068c8c',
  '#724ed8',
  '#d56402',
  '#926749',
  '#d43b86',
  '#838703',
  '#01729f',
];
/** The site's accent (the live view's reader disc), unlike every category colour. */
const ACCENT = '#2156a5';

export interface MapPicture {
  size: number;
  /** Map coordinates, [x0, y0, ...]. */
  coordinates: Float32Array;
  /** 32x32 RGB bytes per point. */
  pixels: Uint8Array;
  colours: string[];
  reader: { x: number; y: number; neighbours: number[]; thumb: RgbaImage };
}

const THUMB = 22;
const MARGIN = 28;

/** A square map picture of `size` pixels. */
export function drawMap(picture: MapPicture, into: RgbaImage, left: number): void {
  const toPixel = scaleOf(picture.coordinates, picture.size);
  const { reader } = picture;
  const at = toPixel(reader.x, reader.y);
  for (const n of reader.neighbours) {
    const [x, y] = toPixel(picture.coordinates[n * 2]!, picture.coordinates[n * 2 + 1]!);
    line(into, left + at[0], at[1], left + x, y, ACCENT);
  }
  const count = picture.coordinates.length / 2;
  for (let i = 0; i < count; i++) {
    const [x, y] = toPixel(picture.coordinates[i * 2]!, picture.coordinates[i * 2 + 1]!);
    const thumb = enlargeRgb(picture.pixels.subarray(i * 3072, (i + 1) * 3072), 32, 1);
    blit(into, shrink(thumb, THUMB), left + x - THUMB / 2, y - THUMB / 2, picture.colours[i]!);
  }
  blit(into, reader.thumb, left + at[0] - reader.thumb.width / 2, at[1] - reader.thumb.height / 2, ACCENT, 3);
}

/** Map coordinates to pixels, keeping the aspect ratio, with a margin for the thumbnails. */
function scaleOf(coordinates: Float32Array, size: number): (x: number, y: number) => [number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < coordinates.length; i += 2) {
    minX = Math.min(minX, coordinates[i]!);
    maxX = Math.max(maxX, coordinates[i]!);
    minY = Math.min(minY, coordinates[i + 1]!);
    maxY = Math.max(maxY, coordinates[i + 1]!);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const scale = (size - 2 * MARGIN) / span;
  const offX = (size - (maxX - minX) * scale) / 2;
  const offY = (size - (maxY - minY) * scale) / 2;
  return (x, y) => [Math.round(offX + (x - minX) * scale), Math.round(offY + (maxY - y) * scale)];
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Nearest-neighbour shrink (thumbnails of 32 px to ~22 px). */
function shrink(image: RgbaImage, side: number): RgbaImage {
  const rgba = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const from = (Math.floor((y * image.height) / side) * image.width + Math.floor((x * image.width) / side)) * 4;
      rgba.set(image.rgba.subarray(from, from + 4), (y * side + x) * 4);
    }
  return { width: side, height: side, rgba };
}

/** Copies a tile with a coloured ring around it, clipped to the picture. */
function blit(into: RgbaImage, tile: RgbaImage, left: number, top: number, ring: string, width = 2): void {
  const colour = rgb(ring);
  for (let y = -width; y < tile.height + width; y++) {
    for (let x = -width; x < tile.width + width; x++) {
      const px = Math.round(left + x);
      const py = Math.round(top + y);
      if (px < 0 || py < 0 || px >= into.width || py >= into.height) continue;
      const inside = x >= 0 && y >= 0 && x < tile.width && y < tile.height;
      const to = (py * into.width + px) * 4;
      if (inside) into.rgba.set(tile.rgba.subarray((y * tile.width + x) * 4, (y * tile.width + x) * 4 + 4), to);
      else into.rgba.set([...colour, 255], to);
    }
  }
}

/** A 2-pixel line (enough for a handful of links). */
function line(into: RgbaImage, x0: number, y0: number, x1: number, y1: number, hex: string): void {
  const colour = [...rgb(hex), 255];
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  for (let s = 0; s <= steps; s++) {
    const x = Math.round(x0 + ((x1 - x0) * s) / steps);
    const y = Math.round(y0 + ((y1 - y0) * s) / steps);
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const) {
      const px = x + dx;
      const py = y + dy;
      if (px >= 0 && py >= 0 && px < into.width && py < into.height) into.rgba.set(colour, (py * into.width + px) * 4);
    }
  }
}
