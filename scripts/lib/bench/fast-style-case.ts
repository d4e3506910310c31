/**
 * One case of the fast-style benchmark (scripts/lib/bench/fast-style.ts): one backend, one size, our page
 * and ml5's page already open on that backend.
 */
import type { Page } from 'playwright-core';
import { median, round } from './timing.ts';

/** transfer() runs after the forward runs have warmed the kernels; it is reported, not compared, so 3 runs. */
const TRANSFER_RUNS = 3;

/** ml5's side of one case. */
export interface Ml5Measures {
  /** Median milliseconds (its layers on the same bytes, output read back). */
  ml5Ms: number;
  /** Its public transfer() (adds the canvas and PNG data URL), median milliseconds. */
  ml5TransferMs: number;
  /** oursMs / ml5Ms. */
  oursOverMl5: number;
  /** Largest |ours - ml5| over every output value, 0-255 scale (float outputs, before rounding). */
  maxAbsDiff: number;
  meanAbsDiff: number;
  ml5Runs: number[];
}

export interface FastStyleCase {
  backend: string;
  /** Input and output are size x size. */
  size: number;
  /** Ours, median milliseconds (stylize(): RGB bytes in, RGBA bytes out). */
  oursMs: number;
  oursRuns: number[];
  /** ml5 as shipped; null when it failed (ml5Error says why). */
  ml5: Ml5Measures | null;
  ml5Error?: string;
  /** After a WebGL failure: ml5 again with tfjs's WEBGL_CONV_IM2COL off, which lets the conv fit the texture limit. */
  ml5NoIm2col?: Ml5Measures | { error: string };
}

export async function benchCase(
  [ours, ml5]: [Page, Page],
  backend: string,
  size: number,
  rgb: string,
  warmup: number,
  runs: number,
): Promise<FastStyleCase> {
  const oursRuns = await ours.evaluate(
    ([r, s, w, n]) => window.layerlensStyleBench.time('fast-style-wave', r, s, s, w, n),
    [rgb, size, warmup, runs] as const,
  );
  const output = floats(
    await ours.evaluate(([r, s]) => window.layerlensStyleBench.output('fast-style-wave', r, s, s), [
      rgb,
      size,
    ] as const),
  );
  const oursMs = median(oursRuns);
  const result: FastStyleCase = {
    backend,
    size,
    oursMs: round(oursMs, 1),
    oursRuns: oursRuns.map((t) => round(t, 1)),
    ml5: null,
  };
  const measure = () => ml5Measures(ml5, rgb, size, warmup, runs, output, oursMs);
  try {
    result.ml5 = await measure();
  } catch (error) {
    result.ml5Error = message(error);
    if (backend !== 'webgl') return result;
    await ml5.evaluate(() => window.ml5Bench.setIm2col(false));
    result.ml5NoIm2col = await measure().catch((e: unknown) => ({ error: message(e) }));
    await ml5.evaluate(() => window.ml5Bench.setIm2col(true));
  }
  return result;
}

async function ml5Measures(
  ml5: Page,
  rgb: string,
  size: number,
  warmup: number,
  runs: number,
  ours: Float32Array,
  oursMs: number,
): Promise<Ml5Measures> {
  const ml5Runs = await ml5.evaluate(([r, s, w, n]) => window.ml5Bench.time('forward', r, s, s, w, n), [
    rgb,
    size,
    warmup,
    runs,
  ] as const);
  const transferRuns = await ml5.evaluate(([r, s, n]) => window.ml5Bench.time('transfer', r, s, s, 0, n), [
    rgb,
    size,
    TRANSFER_RUNS,
  ] as const);
  const theirs = floats(await ml5.evaluate(([r, s]) => window.ml5Bench.output(r, s, s), [rgb, size] as const));
  if (theirs.length !== ours.length)
    throw new Error(`outputs differ in length: ours ${ours.length}, ml5 ${theirs.length}`);
  let max = 0;
  let sum = 0;
  for (let i = 0; i < ours.length; i++) {
    const d = Math.abs(ours[i]! - theirs[i]!);
    max = Math.max(max, d);
    sum += d;
  }
  const ml5Ms = median(ml5Runs);
  return {
    ml5Ms: round(ml5Ms, 1),
    ml5TransferMs: round(median(transferRuns), 1),
    oursOverMl5: round(oursMs / ml5Ms, 3),
    maxAbsDiff: round(max, 4),
    meanAbsDiff: round(sum / ours.length, 5),
    ml5Runs: ml5Runs.map((t) => round(t, 1)),
  };
}

export function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function floats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
