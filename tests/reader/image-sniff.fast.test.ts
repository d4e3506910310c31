/**
 * The reader's file is recognised from its first bytes, with its size, before any decoding: the formats a
 * browser decodes, and the ones it cannot (SVG, HEIC) or that are not images at all.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/client/image-sniff.ts';
import { photoPath } from '../helpers/images.ts';

const rgb = () => sharp({ create: { width: 37, height: 23, channels: 3, background: { r: 200, g: 80, b: 20 } } });

describe('image sniffing', () => {
  it('reads the size of PNG and JPEG photos without decoding them', async () => {
    expect(sniffImage(await readFile(photoPath('chelsea.png')))).toEqual({
      kind: 'raster',
      format: 'png',
      width: 451,
      height: 300,
    });
    expect(sniffImage(await readFile(photoPath('dog.jpg')))).toEqual({
      kind: 'raster',
      format: 'jpeg',
      width: 768,
      height: 576,
      cmyk: false,
    });
  });

  it.each([
    ['webp', () => rgb().webp().toBuffer()],
    ['webp', () => rgb().webp({ lossless: true }).toBuffer()],
    ['gif', () => rgb().gif().toBuffer()],
  ] as const)('reads the size of a %s file', async (format, encode) => {
    expect(sniffImage(await encode())).toEqual({ kind: 'raster', format, width: 37, height: 23 });
  });

  it('tells a CMYK JPEG apart', async () => {
    const cmyk = await rgb().toColourspace('cmyk').jpeg().toBuffer();
    expect(sniffImage(cmyk)).toMatchObject({ format: 'jpeg', cmyk: true, width: 37, height: 23 });
  });

  it('reads a BMP header (height may be negative: top-down rows)', () => {
    const bmp = new Uint8Array(54);
    const view = new DataView(bmp.buffer);
    bmp.set([0x42, 0x4d]);
    view.setInt32(18, 640, true);
    view.setInt32(22, -480, true);
    expect(sniffImage(bmp)).toEqual({ kind: 'raster', format: 'bmp', width: 640, height: 480 });
  });

  it.each([
    ['an SVG drawing', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 'svg'],
    ['an SVG without prolog', '  <svg width="10"></svg>', 'svg'],
    ['a text file', 'hello, this is not an image', 'unknown'],
  ])('recognises %s', (_, text, kind) => {
    expect(sniffImage(new TextEncoder().encode(text)).kind).toBe(kind);
  });

  it('recognises HEIC and AVIF by their ftyp brand', () => {
    const ftyp = (brand: string) =>
      new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode(`ftyp${brand}`), 0, 0, 0, 0]);
    expect(sniffImage(ftyp('heic'))).toEqual({ kind: 'heic' });
    expect(sniffImage(ftyp('mif1'))).toEqual({ kind: 'heic' });
    expect(sniffImage(ftyp('avif'))).toEqual({ kind: 'raster', format: 'avif' });
  });

  it('does not read past a truncated file', () => {
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toEqual({ kind: 'raster', format: 'jpeg' });
    expect(sniffImage(new Uint8Array([]))).toEqual({ kind: 'unknown' });
  });
});
