/**
 * Recognises an image file from its first bytes and reads its dimensions without decoding it, so a
 * reader's file gets a precise message (SVG, HEIC, not an image, too large) before any decoding starts.
 */

export type Sniffed =
  | {
      kind: 'raster';
      format: 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif';
      width?: number;
      height?: number;
      cmyk?: boolean;
    }
  | { kind: 'svg' }
  | { kind: 'heic' }
  | { kind: 'unknown' };

export function sniffImage(bytes: Uint8Array): Sniffed {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
  if (bytes.length >= 24 && ascii(1, 3) === 'PNG')
    return { kind: 'raster', format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { kind: 'raster', format: 'jpeg', ...jpegSize(bytes, view) };
  if (bytes.length >= 10 && ascii(0, 4) === 'GIF8')
    return { kind: 'raster', format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP')
    return { kind: 'raster', format: 'webp', ...webpSize(view, ascii(12, 4)) };
  if (bytes.length >= 26 && ascii(0, 2) === 'BM')
    return { kind: 'raster', format: 'bmp', width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
  if (bytes.length >= 12 && ascii(4, 4) === 'ftyp') {
    const brand = ascii(8, 4);
    if (brand === 'avif' || brand === 'avis') return { kind: 'raster', format: 'avif' };
    if (['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return { kind: 'heic' };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return { kind: 'svg' };
  return { kind: 'unknown' };
}

/** Width, height and colour model from the first start-of-frame marker. */
function jpegSize(bytes: Uint8Array, view: DataView): { width?: number; height?: number; cmyk?: boolean } {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return {};
    const marker = bytes[offset + 1]!;
    const length = view.getUint16(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame)
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7), cmyk: bytes[offset + 9] === 4 };
    offset += 2 + length;
  }
  return {};
}

function webpSize(view: DataView, chunk: string): { width?: number; height?: number } {
  if (chunk === 'VP8X')
    return { width: 1 + (view.getUint32(24, true) & 0xffffff), height: 1 + (view.getUint32(27, true) & 0xffffff) };
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  return {};
}
