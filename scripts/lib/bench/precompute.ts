/** Benchmark: the whole site's precompute on an empty cache (cold), then again with nothing changed (warm). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import { round } from './timing.ts';

const run = promisify(execFile);

export interface PrecomputeBench {
  /** Seconds of the precompute of every article with an empty cache (as the report measures it). */
  coldSeconds: number;
  /** Seconds of the same precompute right after, nothing changed. */
  warmSeconds: number;
  warmOverCold: number;
  /** The same two runs timed from outside, including Node start-up and module loading (about 0.5 s each). */
  coldWallSeconds: number;
  warmWallSeconds: number;
  figures: number;
  backend: string;
}

export async function benchPrecompute(): Promise<PrecomputeBench> {
  const work = await mkdtemp(path.join(tmpdir(), 'layerlens-bench-'));
  try {
    const once = async () => {
      const started = performance.now();
      await run(process.execPath, ['--import', 'tsx', 'scripts/precompute.ts'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, LAYERLENS_WORK: work },
      });
      const wall = (performance.now() - started) / 1000;
      const report = JSON.parse(await readFile(path.join(work, 'precompute-report.json'), 'utf8')) as {
        seconds: number;
        computed: number;
        reused: number;
        backend: string;
      };
      return { ...report, wall };
    };
    const cold = await once();
    const warm = await once();
    if (warm.computed !== 0) throw new Error(`warm precompute recomputed ${warm.computed} figures`);
    return {
      coldSeconds: cold.seconds,
      warmSeconds: warm.seconds,
      warmOverCold: round(warm.seconds / cold.seconds, 4),
      coldWallSeconds: round(cold.wall),
      warmWallSeconds: round(warm.wall),
      figures: cold.computed,
      backend: cold.backend,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
