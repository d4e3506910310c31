/**
 * npm run calibrate-costs -- WORK_DIR [WORK_DIR ...]
 * Writes src/figures/costs.json, the seconds per cost unit of each figure kind and model that the
 * precompute's ETA predicts with (src/node/precompute/predict.ts), from cold runs' measurements: each work
 * folder's cache entries (every figure with the milliseconds it took) and its report's set-index timings.
 * Run it after a cold precompute on an idle machine (LAYERLENS_WORK=<empty folder> npm run precompute).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { costOf } from '../src/figures/registry/authoring.ts';
import type { CachedFigure } from '../src/node/precompute/figure-cache.ts';
import { PROJECT_ROOT } from '../src/node/paths.ts';
import { costKey, type CostTable } from '../src/node/precompute/predict.ts';
import { writeAtomically } from '../src/node/atomic-write.ts';
import { REPORT_FILE } from '../src/figures/manifest.ts';
import { runMain } from './lib/main.ts';

/** Sums of measured seconds and of cost units (or images), by key. */
type Sums = Map<string, { seconds: number; units: number }>;

function add(sums: Sums, key: string, seconds: number, units: number): void {
  const sum = sums.get(key) ?? { seconds: 0, units: 0 };
  sums.set(key, { seconds: sum.seconds + seconds, units: sum.units + units });
}

/** Figures of a work folder's cache, by cache key (a figure met in two folders counts once). */
async function cachedFigures(work: string, into: Map<string, CachedFigure>): Promise<void> {
  const entries = path.join(work, 'cache', 'entries');
  for (const file of await readdir(entries)) {
    const entry = JSON.parse(await readFile(path.join(entries, file), 'utf8')) as CachedFigure;
    into.set(entry.cacheKey, entry);
  }
}

async function setIndexTimings(work: string, sums: Sums): Promise<void> {
  const report = path.join(work, REPORT_FILE);
  if (!existsSync(report)) return;
  const { timings } = JSON.parse(await readFile(report, 'utf8')) as {
    timings?: { setIndexes: { model: string; images: number; seconds: number }[] };
  };
  for (const index of timings?.setIndexes ?? []) add(sums, index.model, index.seconds, index.images);
}

/** Seconds per unit, rounded to 3 significant digits (the measurements are not finer than that). */
function rates(sums: Sums): Record<string, number> {
  const sorted = [...sums].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(
    sorted.filter(([, s]) => s.units > 0).map(([k, s]) => [k, Number((s.seconds / s.units).toPrecision(3))]),
  );
}

async function main(): Promise<void> {
  const works = process.argv.slice(2).map((w) => path.resolve(w));
  if (!works.length) throw new Error('Name the work folders of cold precompute runs: npm run calibrate-costs -- DIR');
  const figures = new Map<string, CachedFigure>();
  const sets: Sums = new Map();
  for (const work of works) {
    await cachedFigures(work, figures);
    await setIndexTimings(work, sets);
  }
  const units: Sums = new Map();
  for (const { recipe, ms } of figures.values()) add(units, costKey(recipe), ms / 1000, costOf(recipe));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const backends = [...new Set([...figures.values()].map((f) => f.backend))].join(', ');
  const table: CostTable = {
    machine: `${cpu}, ${os.cpus().length} cores, ${backends}, ${new Date().toISOString().slice(0, 10)}, ${figures.size} figures`,
    secondsPerUnit: rates(units),
    setIndexSecondsPerImage: rates(sets),
  };
  const target = path.join(PROJECT_ROOT, 'src/figures/costs.json');
  await writeAtomically(target, `${JSON.stringify(table, null, 2)}\n`);
  process.stderr.write(
    `Wrote ${path.relative(PROJECT_ROOT, target)}: ${Object.keys(table.secondsPerUnit).length} kinds and models.\n`,
  );
}

runMain(main);
