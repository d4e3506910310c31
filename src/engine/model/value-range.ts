/** Value ranges of activations, computed on demand (a full-network pass yields millions of values). */

export interface ValueRange {
  min: number;
  max: number;
}

/** Range of every value, or of one channel of an interleaved [h, w, channels] map. */
export function valueRange(data: Float32Array, channels = 1, channel = 0): ValueRange {
  let min = Infinity;
  let max = -Infinity;
  for (let i = channel; i < data.length; i += channels) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Largest absolute value: the scale for comparing two computations of the same layer. */
export function maxMagnitude(data: Float32Array): number {
  const { min, max } = valueRange(data);
  return Math.max(Math.abs(min), Math.abs(max));
}
