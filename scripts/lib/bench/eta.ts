/**
 * Benchmark: how honest the precompute's ETA is. A cold precompute logs (seconds elapsed, ETA in seconds)
 * after each figure and each image-set index (the report's `eta`); the actual time left at each point is
 * the run's end minus its elapsed time. The worst factor between the two once a tenth of the run is done
 * is the number to keep under 2. Also: npx tsx scripts/lib/bench/eta.ts REPORT.json (e.g. the main site's).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import { REPORT_FILE } from '../../../src/figures/manifest.ts';
import { round } from './timing.ts';

const run = promisify(execFile);

/**
 * The last stretch of a run is left out: with a second or two to go, a 2x error is a second and the
 * factor says nothing about the clock.
 */
const LAST_STRETCH = 0.05;

export interface EtaHonesty {
  /** Seconds from the first to the last logged point (the compute phase the bar covers). */
  seconds: number;
  /** Points judged (after the first tenth, before the last stretch) and all points logged. */
  judged: number;
  points: number;
  /** max(predicted / actual, actual / predicted) over the judged points. */
  worstFactorAfterTenth: number;
  /** Where the worst factor was: elapsed, predicted and actual seconds left. */
  worstAt: { elapsed: number; predicted: number; actual: number } | null;
}

export function etaHonesty(log: [number, number][]): EtaHonesty {
  const end = log.at(-1)?.[0] ?? 0;
  let worst = 1;
  let worstAt: EtaHonesty['worstAt'] = null;
  let judged = 0;
  for (const [elapsed, predicted] of log) {
    const actual = end - elapsed;
    if (elapsed < end / 10 || actual < end * LAST_STRETCH) continue;
    judged++;
    const factor = predicted > 0 ? Math.max(predicted / actual, actual / predicted) : Infinity;
    if (factor >= worst) {
      worst = factor;
      worstAt = { elapsed, predicted, actual: round(actual) };
    }
  }
  return { seconds: end, judged, points: log.length, worstFactorAfterTenth: round(worst), worstAt };
}

export async function reportHonesty(report: string): Promise<EtaHonesty> {
  const { eta } = JSON.parse(await readFile(report, 'utf8')) as { eta?: [number, number][] };
  if (!eta?.length) throw new Error(`${report} logs no ETA: was it a cold run (anything computed)?`);
  return etaHonesty(eta);
}

/** A cold precompute of the fixture site (about a minute), judged. */
export async function benchEta(): Promise<EtaHonesty> {
  const work = await mkdtemp(path.join(tmpdir(), 'layerlens-eta-'));
  try {
    await run(process.execPath, ['--import', 'tsx', 'scripts/precompute.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LAYERLENS_CONTENT: 'tests/fixtures/basic/content', LAYERLENS_WORK: work },
    });
    return await reportHonesty(path.join(work, REPORT_FILE));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function printEta(e: EtaHonesty): string[] {
  const at = e.worstAt
    ? ` (at ${e.worstAt.elapsed} s: ETA ${e.worstAt.predicted} s, actually ${e.worstAt.actual} s)`
    : '';
  return [
    `eta: worst factor after a tenth of the run ${e.worstFactorAfterTenth}${at}; ${e.judged} of ${e.points} points judged over ${e.seconds} s`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2]) {
  printEta(await reportHonesty(path.resolve(process.argv[2]))).forEach((line) => process.stdout.write(`${line}\n`));
}
