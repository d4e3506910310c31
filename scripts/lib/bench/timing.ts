/** Timing helpers for benchmarks: warm-up runs, then the median of repeated runs. */
import { median } from '../../../src/node/precompute/predict.ts';

export { median };

export interface Timing {
  /** Median milliseconds over the measured runs. */
  ms: number;
  /** Every measured run, in milliseconds. */
  runs: number[];
}

export async function time(work: () => Promise<unknown>, { warmup = 2, runs = 7 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), runs: samples.map((s) => round(s)) };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
