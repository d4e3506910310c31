/**
 * The browser's PNG decoder gives exactly what the build's sharp gives: every PNG of the image set and the
 * photos, then small files written here for every colour type, bit depth, filter type and Adam7, and
 * damaged files, which must throw (the reader's page then falls back to the canvas).
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePng, isPng } from '../../src/client/png-decode.ts';
import { imagesRoot } from '../helpers/images.ts';

const pngsIn = (folder: string) =>
  readdirSync(path.join(imagesRoot(), folder))
    .filter((name) => name.endsWith('.png'))
    .map((name) => path.join(folder, name));
const FILES = [...pngsIn('corpus'), ...pngsIn('photos')];

/** decodePng against sharp, with the first differing byte named when they differ. */
async function expectSameAsSharp(png: Uint8Array): Promise<void> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const ours = await decodePng(png);
  expect([ours.width, ours.height, ours.channels]).toEqual([info.width, info.height, info.channels]);
  expect(ours.data.length).toBe(data.length);
  const first = data.findIndex((value, i) => ours.data[i] !== value);
  expect(first, first < 0 ? '' : `byte ${first}: ${ours.data[first]} here, ${data[first]} from sharp`).toBe(-1);
}

describe('PNG decoding in the browser', () => {
  it('finds the image set and the photos', () => {
    expect(FILES.length).toBeGreaterThan(270);
  });

  it.each(FILES)('decodes %s as sharp does', async (file) => {
    await expectSameAsSharp(await readFile(path.join(imagesRoot(), file)));
  });

  const types = [
    ...[1, 2, 4, 8].flatMap((depth) => [
      { colourType: 0, depth },
      { colourType: 0, depth, trns: true },
      { colourType: 3, depth },
      { colourType: 3, depth, trns: true },
    ]),
    { colourType: 2, depth: 8 },
    { colourType: 2, depth: 8, trns: true },
    { colourType: 4, depth: 8 },
    { colourType: 6, depth: 8 },
  ];
  const cases = types.flatMap((type) =>
    [false, true].flatMap((interlaced) =>
      [
        [13, 11],
        [1, 1],
        [3, 2],
        [37, 9],
      ].map(([width, height]) => ({ ...type, interlaced, width: width!, height: height! })),
    ),
  );
  it.each(cases)(
    'decodes colour type $colourType, $depth bits, tRNS $trns, interlaced $interlaced, $width×$height',
    async (options) => {
      await expectSameAsSharp(encodePng(options));
    },
  );

  it('throws on a file cut short inside its image data', async () => {
    const png = await readFile(path.join(imagesRoot(), FILES[0]!));
    await expect(decodePng(png.subarray(0, png.length >> 1))).rejects.toThrow(/truncated/);
  });

  it('throws on a zlib stream cut short in well-formed chunks', async () => {
    const png = encodePng({ colourType: 6, depth: 8, width: 40, height: 30, cut: 20 });
    await expect(decodePng(png)).rejects.toThrow();
  });

  it('throws on a bad signature, an unknown filter and 16 bits, so the caller falls back to the canvas', async () => {
    const png = encodePng({ colourType: 2, depth: 8, width: 5, height: 4 });
    expect(isPng(png)).toBe(true);
    await expect(decodePng(Uint8Array.from(png, (b, i) => (i === 1 ? 0 : b)))).rejects.toThrow(/signature/);
    await expect(decodePng(encodePng({ colourType: 2, depth: 8, width: 5, height: 4, filter: 7 }))).rejects.toThrow(
      /filter type 7/,
    );
    const deep = await sharp(png).toColourspace('rgb16').png().toBuffer();
    expect(deep[24]).toBe(16);
    await expect(decodePng(deep)).rejects.toThrow(/16-bit/);
  });
});

interface Options {
  colourType: number;
  depth: number;
  width: number;
  height: number;
  trns?: boolean;
  interlaced?: boolean;
  /** A fixed filter type for every row; by default rows cycle through all five. */
  filter?: number;
  /** Drop this many bytes from the end of the zlib stream (a damaged file with intact chunks). */
  cut?: number;
}

/** A PNG written by hand: each sample from a fixed pseudo-random sequence, every row filtered. */
function encodePng(o: Options): Uint8Array {
  const perPixel = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[o.colourType as 0 | 2 | 3 | 4 | 6];
  const paletteSize = Math.min(1 << o.depth, 200);
  const max = o.colourType === 3 ? paletteSize - 1 : (1 << o.depth) - 1;
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % (max + 1);
  const samples = Uint8Array.from({ length: o.width * o.height * perPixel }, random);
  // The tRNS key colour is 1 (grey) or 10,20,30 (RGB); every seventh pixel gets it, so some are transparent.
  const key = o.colourType === 0 ? [1] : [10, 20, 30];
  if (o.trns && o.colourType !== 3)
    for (let p = 0; p < o.width * o.height; p += 7) samples.set(key.slice(0, perPixel), p * perPixel);
  const passes = o.interlaced
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ]
    : [[0, 0, 1, 1]];
  const raw: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const xs = range(x0!, o.width, dx!);
    const ys = range(y0!, o.height, dy!);
    if (!xs.length || !ys.length) continue;
    const stride = Math.ceil((xs.length * perPixel * o.depth) / 8);
    const left = Math.max(1, (perPixel * o.depth) >> 3);
    let previous = new Uint8Array(stride);
    ys.forEach((y, row) => {
      const line = new Uint8Array(stride);
      xs.forEach((x, column) => {
        for (let s = 0; s < perPixel; s++) {
          const bit = (column * perPixel + s) * o.depth;
          line[bit >> 3]! |= samples[(y * o.width + x) * perPixel + s]! << (8 - o.depth - (bit & 7));
        }
      });
      const filter = o.filter ?? row % 5;
      raw.push(filter);
      for (let i = 0; i < stride; i++) {
        const [a, b, c] = [line[i - left] ?? 0, previous[i]!, previous[i - left] ?? 0];
        const paeth =
          Math.abs(b - c) <= Math.abs(a - c) && Math.abs(b - c) <= Math.abs(a + b - 2 * c)
            ? a
            : Math.abs(a - c) <= Math.abs(a + b - 2 * c)
              ? b
              : c;
        const predicted = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
        raw.push((line[i]! - predicted) & 255);
      }
      previous = line;
    });
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, o.width);
  view.setUint32(4, o.height);
  header.set([o.depth, o.colourType, 0, 0, o.interlaced ? 1 : 0], 8);
  const zlib = deflateSync(Uint8Array.from(raw));
  const data = zlib.subarray(0, zlib.length - (o.cut ?? 0));
  const palette = Uint8Array.from({ length: paletteSize * 3 }, (_, i) => (i * 37) % 256);
  const alpha = Uint8Array.from({ length: paletteSize >> 1 }, (_, i) => (i * 53) % 256); // the rest stay opaque
  const trns = o.colourType === 3 ? alpha : new Uint8Array(key.flatMap((level) => [0, level]));
  return Buffer.concat([
    Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    ...(o.colourType === 3 ? [chunk('PLTE', palette)] : []),
    ...(o.trns ? [chunk('tRNS', trns)] : []),
    // Split in two, as encoders do for large images.
    chunk('IDAT', data.subarray(0, data.length >> 1)),
    chunk('IDAT', data.subarray(data.length >> 1)),
    chunk('IEND', new Uint8Array()),
  ]);
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.max(0, Math.ceil((to - from) / step)) }, (_, i) => from + i * step);

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(body.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/** CRC-32 as PNG defines it (sharp's libpng checks it). */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}
