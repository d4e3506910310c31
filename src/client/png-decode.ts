/**
 * An exact PNG decoder for the reader's browser (page or worker), without dependencies. A 2D canvas stores
 * premultiplied alpha, so getImageData changes the colour of semi-transparent pixels; the build decodes
 * with sharp, which keeps the file's values. This decoder gives what `sharp(file).raw()` gives, byte for byte
 * (tests/reader/png-decode.test.ts), so figures recomputed in the browser match the build's.
 *
 * sharp's layout, which this follows: RGB and palette images give 3 channels, 4 when they have alpha or a
 * tRNS chunk; grey gives 3 (libvips turns black-and-white into sRGB by copying the level), grey+alpha 4;
 * 1/2/4-bit grey is scaled to 0..255 as libpng does. No gamma or colour-profile conversion: gAMA, cHRM, sRGB
 * and iCCP are ignored (sharp does apply a non-sRGB iCCP profile; none of our images has one).
 * 16-bit images are refused, as is anything else unusual: the caller falls back to the canvas.
 */
import type { ImagePixels } from '../engine/index.ts';
import { filteredSize, unfilterImage, type Layout } from './png-unfilter.ts';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** Samples per pixel and the bit depths the PNG specification allows, by colour type. */
const COLOUR_TYPES: Record<number, { samples: number; depths: number[] }> = {
  0: { samples: 1, depths: [1, 2, 4, 8, 16] },
  2: { samples: 3, depths: [8, 16] },
  3: { samples: 1, depths: [1, 2, 4, 8] },
  4: { samples: 2, depths: [8, 16] },
  6: { samples: 4, depths: [8, 16] },
};

/** Whether these first bytes are a PNG file's signature. */
export function isPng(head: Uint8Array): boolean {
  return head.length >= 8 && SIGNATURE.every((byte, i) => head[i] === byte);
}

export async function decodePng(bytes: Uint8Array): Promise<ImagePixels> {
  if (!isPng(bytes)) throw new Error('Not a PNG file (bad signature).');
  const { header, palette, transparency, idat } = readChunks(bytes);
  const { width, height, bitDepth, colourType } = header;
  const inflated = await inflate(idat, filteredSize(header));
  const samples = unfilterImage(inflated, header);
  const pixels = width * height;

  if (colourType === 6) return { width, height, channels: 4, data: samples };
  if (colourType === 4) {
    const data = new Uint8Array(pixels * 4);
    for (let i = 0; i < pixels; i++) {
      data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = samples[2 * i]!;
      data[4 * i + 3] = samples[2 * i + 1]!;
    }
    return { width, height, channels: 4, data };
  }
  if (colourType === 2 && !transparency) return { width, height, channels: 3, data: samples };

  // Grey, palette and RGB with tRNS: one pixel at a time into RGB, or RGBA when tRNS is present.
  const channels = transparency ? 4 : 3;
  const data = new Uint8Array(pixels * channels);
  const scale = 255 / ((1 << bitDepth) - 1); // 1/2/4-bit grey to 0..255, as libpng expands it
  // tRNS for grey and RGB is one 16-bit level per channel; libpng compares only its low bits.
  const key = transparency && colourType !== 3 ? keyColour(transparency, bitDepth) : undefined;
  const paletteSize = palette ? palette.length / 3 : 0;
  for (let i = 0, o = 0; i < pixels; i++, o += channels) {
    if (colourType === 3) {
      const index = samples[i]!;
      if (index >= paletteSize) throw new Error(`PNG palette index ${index} is past its ${paletteSize} colours.`);
      data[o] = palette![3 * index]!;
      data[o + 1] = palette![3 * index + 1]!;
      data[o + 2] = palette![3 * index + 2]!;
      if (transparency) data[o + 3] = index < transparency.length ? transparency[index]! : 255;
    } else if (colourType === 0) {
      const level = samples[i]!;
      data[o] = data[o + 1] = data[o + 2] = level * scale;
      if (key) data[o + 3] = level === key[0] ? 0 : 255;
    } else {
      // RGB: only reached with tRNS (plain RGB returned above).
      const [r, g, b] = [samples[3 * i]!, samples[3 * i + 1]!, samples[3 * i + 2]!];
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = r === key![0] && g === key![1] && b === key![2] ? 0 : 255;
    }
  }
  return { width, height, channels, data };
}

type Header = Layout & { colourType: number };

/** Walks the chunks: IHDR first, PLTE and tRNS before consecutive IDATs, IEND last. CRCs are not checked. */
function readChunks(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatEnded = false;
  for (let at = 8; ;) {
    if (at + 12 > bytes.length) throw new Error('PNG file is truncated (no IEND chunk).');
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (at + 12 + length > bytes.length) throw new Error(`PNG file is truncated inside its ${type} chunk.`);
    at += 12 + length;
    if (!header && type !== 'IHDR') throw new Error('PNG file does not start with an IHDR chunk.');
    if (idat.length && type !== 'IDAT') idatEnded = true;
    if (idat.length && (type === 'PLTE' || type === 'tRNS'))
      throw new Error(`PNG ${type} chunk comes after the image data.`);
    if (type === 'IHDR') header = readHeader(body, header);
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') {
      if (idatEnded) throw new Error('PNG image data (IDAT) is split by other chunks.');
      idat.push(body);
    } else if (type === 'IEND') break;
    else if (type.charCodeAt(0) < 97) throw new Error(`PNG has an unknown critical chunk ${type}.`);
  }
  if (!header || !idat.length) throw new Error('PNG file has no image data.');
  const { colourType } = header;
  if (colourType === 3 && (!palette || palette.length % 3 || palette.length > 768 || !palette.length))
    throw new Error('PNG palette (PLTE) is missing or malformed.');
  if (transparency) {
    const expected = { 0: 2, 2: 6 }[colourType as 0 | 2];
    const valid = colourType === 3 ? transparency.length <= palette!.length / 3 : transparency.length === expected;
    if (!valid) throw new Error(`PNG transparency (tRNS) does not fit colour type ${colourType}.`);
  }
  return { header, palette: colourType === 3 ? palette : undefined, transparency, idat };
}

function readHeader(body: Uint8Array, previous: Header | undefined): Header {
  if (previous || body.length !== 13) throw new Error('PNG header (IHDR) is malformed.');
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const [width, height] = [view.getUint32(0), view.getUint32(4)];
  const [bitDepth, colourType, compression, filter, interlace] = body.subarray(8, 13);
  const type = COLOUR_TYPES[colourType!];
  if (!width || !height || width > 2 ** 31 - 1 || height > 2 ** 31 - 1) throw new Error('PNG size is invalid.');
  if (!type || !type.depths.includes(bitDepth!) || compression || filter || interlace! > 1)
    throw new Error(`PNG header is invalid (bit depth ${bitDepth}, colour type ${colourType}).`);
  if (bitDepth === 16) throw new Error('16-bit PNGs are not decoded here.');
  if (width * height > 2 ** 28) throw new Error(`PNG of ${width}×${height} pixels is too large to decode here.`);
  return {
    width,
    height,
    bitDepth: bitDepth!,
    colourType: colourType!,
    samples: type.samples,
    interlaced: !!interlace,
  };
}

/** The tRNS key colour at the image's bit depth. */
function keyColour(transparency: Uint8Array, bitDepth: number): number[] {
  const view = new DataView(transparency.buffer, transparency.byteOffset, transparency.byteLength);
  const mask = (1 << bitDepth) - 1;
  return Array.from({ length: transparency.length / 2 }, (_, i) => view.getUint16(2 * i) & mask);
}

/**
 * The IDAT chunks together are one zlib stream; DecompressionStream's 'deflate' format is zlib (RFC 1950,
 * header and Adler-32 checked), not raw deflate ('deflate-raw'). The output must be exactly `size` bytes.
 */
async function inflate(parts: Uint8Array[], size: number): Promise<Uint8Array> {
  const blob = new Blob(parts as Uint8Array<ArrayBuffer>[]);
  const reader = blob.stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  const out = new Uint8Array(size);
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > size) {
      await reader.cancel();
      throw new Error('PNG image data is longer than its header says.');
    }
    out.set(value, length);
    length += value.length;
  }
  if (length < size) throw new Error('PNG image data is truncated.');
  return out;
}
