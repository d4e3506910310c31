/**
 * Seeded randomness for feature visualisation. Every random choice of a run (the initial image, each
 * step's jitter, scale and angle) is drawn from one generator, so the same seed on the same backend gives
 * the same image: a figure precomputed at build time can be replayed in the reader's browser.
 */

/** A uniform generator on [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny 32-bit generator, good enough for image noise and augmentation draws. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller; 1 - u keeps the logarithm finite). */
export function gaussian(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** n normal draws with standard deviation sd. */
export function normalArray(random: Random, n: number, sd: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = sd * gaussian(random);
  return out;
}

/** An integer in [low, high], both included. */
export function randomInt(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, list: readonly T[]): T {
  if (list.length === 0) throw new Error('pick: empty list.');
  return list[Math.floor(random() * list.length)]!;
}
