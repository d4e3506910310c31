/**
 * The byte-level half of the PNG decoder (src/client/png-decode.ts): undoing the five row filters,
 * unpacking 1/2/4-bit samples and reassembling Adam7's seven passes, all as the PNG specification defines
 * them, so the result is exact (no canvas, hence no premultiplied alpha).
 */

/** Adam7 passes as [first x, first y, x step, y step]. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export interface Layout {
  width: number;
  height: number;
  bitDepth: number;
  /** Samples per pixel: 1 grey or palette index, 2 grey+alpha, 3 RGB, 4 RGBA. */
  samples: number;
  interlaced: boolean;
}

/** Each pass's size (one pass when not interlaced); empty passes carry no bytes at all, not even filter bytes. */
function passes({ width, height, interlaced }: Layout) {
  if (!interlaced) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width, height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.max(0, Math.ceil((width - x0) / dx)),
    height: Math.max(0, Math.ceil((height - y0) / dy)),
  }));
}

const stride = (width: number, layout: Layout) => Math.ceil((width * layout.bitDepth * layout.samples) / 8);

/** How many bytes the decompressed image data must hold: the rows of every pass, each with its filter byte. */
export function filteredSize(layout: Layout): number {
  return passes(layout).reduce(
    (sum, p) => sum + (p.width && p.height ? p.height * (1 + stride(p.width, layout)) : 0),
    0,
  );
}

/**
 * The image's samples, one byte each, row-major, at the file's own bit depth (a palette index or a 1/2/4-bit
 * grey level is not scaled here: tRNS and PLTE are matched against these raw values).
 */
export function unfilterImage(data: Uint8Array, layout: Layout): Uint8Array {
  const { width, height, samples } = layout;
  if (!layout.interlaced) return unpack(unfilter(data, 0, width, height, layout), width, height, layout);
  const image = new Uint8Array(width * height * samples);
  let at = 0;
  for (const p of passes(layout)) {
    if (!p.width || !p.height) continue;
    const pass = unpack(unfilter(data, at, p.width, p.height, layout), p.width, p.height, layout);
    at += p.height * (1 + stride(p.width, layout));
    for (let y = 0; y < p.height; y++)
      for (let x = 0; x < p.width; x++) {
        const from = (y * p.width + x) * samples;
        const to = ((p.y0 + y * p.dy) * width + p.x0 + x * p.dx) * samples;
        for (let s = 0; s < samples; s++) image[to + s] = pass[from + s]!;
      }
  }
  return image;
}

/** Reverses the row filters of one pass; Uint8Array stores wrap modulo 256, as the filters' arithmetic does. */
function unfilter(src: Uint8Array, at: number, width: number, height: number, layout: Layout): Uint8Array {
  const rowBytes = stride(width, layout);
  // "a" (the left neighbour) is one whole pixel back, or one byte back for pixels smaller than a byte.
  const left = Math.max(1, (layout.bitDepth * layout.samples) >> 3);
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++, at += rowBytes + 1) {
    const filter = src[at]!;
    const s = at + 1;
    const o = y * rowBytes;
    const up = o - rowBytes; // the row above; the first row's "above" is all zeros
    if (filter === 0 || (filter === 2 && y === 0)) out.set(src.subarray(s, s + rowBytes), o);
    else if (filter === 1 || (filter === 4 && y === 0)) {
      // Paeth on the first row predicts from the left alone, as Sub does.
      for (let i = 0; i < rowBytes; i++) out[o + i] = src[s + i]! + (i >= left ? out[o + i - left]! : 0);
    } else if (filter === 2) {
      for (let i = 0; i < rowBytes; i++) out[o + i] = src[s + i]! + out[up + i]!;
    } else if (filter === 3) {
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= left ? out[o + i - left]! : 0;
        const b = y > 0 ? out[up + i]! : 0;
        out[o + i] = src[s + i]! + ((a + b) >> 1);
      }
    } else if (filter === 4) {
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= left ? out[o + i - left]! : 0;
        const b = out[up + i]!;
        const c = i >= left ? out[up + i - left]! : 0;
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        out[o + i] = src[s + i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    } else throw new Error(`PNG row ${y} has an unknown filter type ${filter}.`);
  }
  return out;
}

/** Splits packed 1/2/4-bit samples into one byte each (most significant bits first); 8-bit rows are already so. */
function unpack(rows: Uint8Array, width: number, height: number, layout: Layout): Uint8Array {
  const { bitDepth, samples } = layout;
  if (bitDepth === 8) return rows;
  const perRow = width * samples;
  const rowBytes = stride(width, layout);
  const mask = (1 << bitDepth) - 1;
  const out = new Uint8Array(perRow * height);
  for (let y = 0; y < height; y++)
    for (let k = 0; k < perRow; k++) {
      const bit = k * bitDepth;
      out[y * perRow + k] = (rows[y * rowBytes + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & mask;
    }
  return out;
}
