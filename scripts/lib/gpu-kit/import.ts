/**
 * `npm run gpu-kit -- import OUT_DIR`: verifies the cache a kit run brought back and adds it to this
 * project's cache. An entry is taken only when its key is the key this checkout computes for its recipe
 * (same engine code, weights and images: a kit built from another commit is refused), its files' names are
 * their content hashes, and its metadata repeats its recipe. Files first, the entry last (as the cache
 * writes), so an interrupted import leaves no entry without its files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashOf, stableStringify } from '../../../src/figures/key.ts';
import { writeAtomically } from '../../../src/node/atomic-write.ts';
import { computeCodeHash } from '../../../src/node/input-hashes.ts';
import { workDir } from '../../../src/node/paths.ts';
import { PROFILES } from '../../../src/figures/profiles.ts';
import { collectFigures } from '../../../src/node/precompute/collect-figures.ts';
import { cacheKeyOf, lookUp } from '../../../src/node/precompute/compute.ts';
import { FigureCache, type CachedFigure } from '../../../src/node/precompute/figure-cache.ts';
import { CACHE_PARTS } from './layout.ts';

export interface ImportResult {
  imported: number;
  /** Already in this cache (same key). */
  present: number;
  /** Refused, each with its reason. */
  refused: string[];
  /** The profiles and backends of the entries imported, counted. */
  made: Record<string, number>;
}

export async function importRun(outDir: string): Promise<ImportResult> {
  const parts = existsSync(outDir)
    ? readdirSync(outDir)
        .filter((f) => f.startsWith(CACHE_PARTS))
        .sort()
    : [];
  if (!parts.length) throw new Error(`No ${CACHE_PARTS}* in ${outDir}: give the OUT_DIR a kit run wrote.`);
  const unpacked = mkdtempSync(path.join(os.tmpdir(), 'layerlens-import-'));
  try {
    // The parts are one tar.gz split in order (run.sh: split -b 15m). A part that did not come back ends the
    // stream early: what was unpacked is still checked, and an entry whose files are missing is refused.
    let truncated = false;
    try {
      const files = parts.map((p) => path.join(outDir, p));
      execFileSync('sh', ['-c', 'cat "$@" | tar -xz -C "$0"', unpacked, ...files], { stdio: 'pipe' });
    } catch {
      truncated = true;
    }
    const result = await importCache(path.join(unpacked, 'cache'), path.join(workDir(), 'cache'));
    if (truncated) result.refused.push(`the cache parts end early (a part missing?): ${parts.join(', ')}`);
    return result;
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

async function importCache(from: string, to: string): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, present: 0, refused: [], made: {} };
  const engine = await computeCodeHash();
  const entries = existsSync(path.join(from, 'entries')) ? readdirSync(path.join(from, 'entries')) : [];
  for (const name of entries.filter((f) => f.endsWith('.json'))) {
    const entry = await readEntry(path.join(from, 'entries', name));
    const problem = entry ? await check(entry, name, from, engine) : 'unreadable (cut short?)';
    if (problem || !entry) {
      result.refused.push(`${name}: ${problem}`);
      continue;
    }
    const target = path.join(to, 'entries', name);
    if (existsSync(target)) {
      result.present++;
      continue;
    }
    for (const file of filesOf(entry))
      if (!existsSync(path.join(to, 'files', file)))
        await writeAtomically(path.join(to, 'files', file), await readFile(path.join(from, 'files', file)));
    await writeAtomically(target, JSON.stringify(entry));
    result.imported++;
    const made = `${'profile' in entry.recipe ? entry.recipe.profile : 'any'} profile on ${entry.backend}`;
    result.made[made] = (result.made[made] ?? 0) + 1;
  }
  return result;
}

/** Why an entry cannot be trusted here, or null. */
async function check(entry: CachedFigure, name: string, from: string, engine: string): Promise<string | null> {
  if (`${entry.cacheKey}.json` !== name) return 'named for another key';
  const expected = await cacheKeyOf(entry.recipe, engine).catch((error: Error) => error);
  if (expected instanceof Error) return `its inputs are not here (${expected.message})`;
  if (expected !== entry.cacheKey)
    return 'its key is not this checkout’s for its recipe (other engine code, weights or image)';
  for (const file of filesOf(entry)) {
    const full = path.join(from, 'files', file);
    if (!existsSync(full)) return `${file} is missing`;
    if (`${hashOf(await readFile(full)).slice(0, 20)}${path.extname(file)}` !== file) return `${file} is damaged`;
  }
  const meta = JSON.parse(await readFile(path.join(from, 'files', entry.meta), 'utf8')) as { recipe: unknown };
  if (stableStringify(meta.recipe) !== stableStringify(entry.recipe)) return 'its metadata holds another recipe';
  return null;
}

async function readEntry(file: string): Promise<CachedFigure | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as CachedFigure;
  } catch {
    return null;
  }
}

const filesOf = (entry: CachedFigure) => [entry.meta, ...(entry.image ? [entry.image.file] : [])];

/**
 * How many of each article's figures at the gpu profile the cache now holds: `LAYERLENS_PROFILE=gpu npm run
 * build` publishes those and computes the rest on this machine (one profile for the whole build).
 */
export async function gpuCoverage(): Promise<Record<string, { cached: number; figures: number }>> {
  const collected = await collectFigures(PROFILES.gpu);
  const jobs = await lookUp(collected.recipes, new FigureCache(path.join(workDir(), 'cache')));
  const result: Record<string, { cached: number; figures: number }> = {};
  for (const job of jobs) {
    const article = (result[path.basename(collected.articleOf.get(job.key)!, '.mdx')] ??= { cached: 0, figures: 0 });
    article.figures++;
    if (job.entry) article.cached++;
  }
  return result;
}
