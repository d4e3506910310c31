/**
 * npm run calibrate-costs -- WORK_DIR [WORK_DIR ...]
 * Writes src/figures/costs.json, the seconds per cost unit of each figure kind and model that the
 * precompute's ETA predicts with (src/node/precompute/predict.ts), from cold runs' measurements: each work
 * folder's report (every figure computed and set index built, with the seconds each took, storing included)
 * or, for a folder without one, its cache entries (every figure with the milliseconds its computation took).
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

interface Timings {
  figures: { key: string; cost: number; seconds: number }[];
  setIndexes: { model: string; images: number; seconds: number }[];
}

/** A work folder's report timings, or null when it has none (an older or warm run). */
async function reportTimings(work: string): Promise<Timings | null> {
  const report = path.join(work, REPORT_FILE);
  if (!existsSync(report)) return null;
  const { timings } = JSON.parse(await readFile(report, 'utf8')) as { timings?: Timings };
  return timings?.figures.length ? timings : null;
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
  const units: Sums = new Map();
  const sets: Sums = new Map();
  for (const work of works) {
    const timings = await reportTimings(work);
    if (!timings) await cachedFigures(work, figures);
    for (const f of timings?.figures ?? []) add(units, f.key, f.seconds, f.cost);
    for (const index of timings?.setIndexes ?? []) add(sets, index.model, index.seconds, index.images);
  }
  // Cache entries only for kinds and models no report measured: an entry may be older than the code (a figure
  // that built its own set index then) and times the computation alone.
  const reported = new Set(units.keys());
  for (const { recipe, ms } of figures.values())
    if (!reported.has(costKey(recipe))) add(units, costKey(recipe), ms / 1000, costOf(recipe));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const measured = [...units.values()].reduce((n, u) => n + u.seconds, 0);
  const table: CostTable = {
    machine: `${cpu}, ${os.cpus().length} cores, wasm in Node, ${new Date().toISOString().slice(0, 10)}, ${Math.round(measured)} s of figures from ${works.length} cold run(s)`,
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
