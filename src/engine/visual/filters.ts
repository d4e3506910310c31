/**
 * Filter weights as displayable images. A first-layer filter (3 input channels) is shown in colour; a
 * deeper filter as one grey tile per input channel. Zero maps to mid-grey and the scale is symmetric and
 * shared by the whole layer, so filters can be compared with each other.
 */

export interface FilterImages {
  /** Tile size in pixels (the kernel size). */
  width: number;
  height: number;
  /** Number of tiles: filters (colour) or filters x input channels (grey). */
  count: number;
  /** 'rgb' for 3-channel filters, 'grey' otherwise. */
  mode: 'rgb' | 'grey';
  /** Input channels per filter (tiles per filter in grey mode). */
  inputChannels: number;
  /** RGBA bytes, tile after tile (tile i at offset i * width * height * 4). */
  rgba: Uint8ClampedArray;
  /** Largest absolute weight of the layer (the value drawn as white or full colour). */
  scale: number;
}

/** kernel: [kh, kw, cin, cout] as a flat Float32Array (the layout tfjs stores). */
export function filterImages(shape: number[], kernel: Float32Array): FilterImages {
  const [kh = 0, kw = 0, cin = 0, cout = 0] = shape;
  let scale = 0;
  for (const v of kernel) scale = Math.max(scale, Math.abs(v));
  const toByte = (v: number) => (scale === 0 ? 128 : 128 + (127 * v) / scale);
  const rgbMode = cin === 3;
  const count = rgbMode ? cout : cout * cin;
  const rgba = new Uint8ClampedArray(count * kh * kw * 4);
  const at = (y: number, x: number, i: number, o: number) => kernel[((y * kw + x) * cin + i) * cout + o]!;
  for (let o = 0; o < cout; o++) {
    for (let t = 0; t < (rgbMode ? 1 : cin); t++) {
      const tile = rgbMode ? o : o * cin + t;
      for (let y = 0; y < kh; y++) {
        for (let x = 0; x < kw; x++) {
          const p = (tile * kh * kw + y * kw + x) * 4;
          rgba[p] = toByte(at(y, x, rgbMode ? 0 : t, o));
          rgba[p + 1] = toByte(at(y, x, rgbMode ? 1 : t, o));
          rgba[p + 2] = toByte(at(y, x, rgbMode ? 2 : t, o));
          rgba[p + 3] = 255;
        }
      }
    }
  }
  return { width: kw, height: kh, count, mode: rgbMode ? 'rgb' : 'grey', inputChannels: cin, rgba, scale };
}
