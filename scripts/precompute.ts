/**
 * npm run precompute [-- --backend NAME]
 * Computes every figure the articles declare with the engine (WebGPU where there is one, else WASM),
 * reusing cached results, then writes the manifest the Astro components read and a report.
 */
import path from 'node:path';
import type { BackendName, BackendReport } from '../src/engine/index.ts';
import { planLoads } from '../src/figures/inputs/load-plan.ts';
import { costOf } from '../src/figures/registry/authoring.ts';
import { computeFigure, readsOf } from '../src/figures/registry/compute.ts';
import type { Recipe } from '../src/figures/registry/types.ts';
import { initNodeBackend } from '../src/node/engine.ts';
import { nodeInputs } from '../src/node/figure-inputs.ts';
import { installDawn } from '../src/node/dawn.ts';
import { chooseProfile } from '../src/node/build-profile.ts';
import { contentDir, workDir } from '../src/node/paths.ts';
import { collectFigures } from './lib/collect-figures.ts';
import { FigureCache, cacheKey, type CachedFigure } from './lib/figure-cache.ts';
import { computeCodeHash, imageHash, weightsHash } from './lib/input-hashes.ts';
import { writeAtomically } from './lib/fetch-pack.ts';
import { ProgressBar, formatSeconds } from './lib/progress.ts';
import { MANIFEST_FILE, REPORT_FILE } from '../src/figures/manifest.ts';
import { runMain } from './lib/main.ts';
import { SET_INDEX_FOLDER, setIndexFile, type SetIndexRequest } from '../src/figures/common/image-set/set-index.ts';
import { prepareSetIndexes, setIndexCached } from '../src/node/set-index-store.ts';

function backendArg(): BackendName | 'auto' {
  const i = process.argv.indexOf('--backend');
  return (i > 0 ? process.argv[i + 1] : (process.env.LAYERLENS_BACKEND ?? 'auto')) as BackendName | 'auto';
}

async function main(): Promise<void> {
  const started = performance.now();
  const profile = await chooseProfile();
  const collected = await collectFigures(profile);
  if (collected.problems.length) {
    process.stderr.write(
      `Invalid figures in ${path.relative(process.cwd(), contentDir())}:\n${collected.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  for (const skipped of collected.notFetched) process.stderr.write(`Skipped (weights not fetched): ${skipped}\n`);
  const cache = new FigureCache(path.join(workDir(), 'cache'));
  const jobs = await lookUp(collected.recipes, cache);
  const missing = jobs.filter((job) => !job.entry);
  const all = [...collected.recipes.values()];
  const backend = await computeMissing(missing, cache, all);
  const manifest = Object.fromEntries(jobs.map((job) => [job.key, job.entry!]));
  const sets = await publishSets(all, backend !== null);
  const computed = missing.length;
  const seconds = (performance.now() - started) / 1000;
  const report = {
    computed,
    reused: collected.recipes.size - computed,
    seconds: Math.round(seconds * 100) / 100,
    // With nothing to compute no backend starts; the report then names the one that would have.
    backend: backend?.name ?? (await plannedBackend()),
    setIndexSeconds: indexSeconds,
    profile: profile.name,
    articles: collected.articles,
    notFetched: collected.notFetched.length,
    perArticle: perArticle(jobs, collected.articleOf),
  };
  await writeAtomically(
    path.join(workDir(), MANIFEST_FILE),
    JSON.stringify({ cacheFiles: cache.filesDir, profile: profile.name, figures: manifest, sets }),
  );
  await writeAtomically(path.join(workDir(), REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(
    `Precomputed ${collected.recipes.size} figures from ${collected.articles} article(s): ${computed} computed, ${report.reused} reused, ${formatSeconds(seconds)} on ${report.backend}.\n`,
  );
}

/** Per article: its figures (counted once, in the first article that declares them) and the seconds computing them took. */
function perArticle(jobs: Job[], articleOf: Map<string, string>) {
  const result: Record<string, { figures: number; computed: number; seconds: number }> = {};
  for (const job of jobs) {
    const article = (result[articleOf.get(job.key)!] ??= { figures: 0, computed: 0, seconds: 0 });
    article.figures++;
    if (job.computed) {
      article.computed++;
      article.seconds = Math.round((article.seconds + job.entry!.ms / 1000) * 100) / 100;
    }
  }
  return result;
}

interface Job {
  key: string;
  recipe: Recipe;
  cacheKey: string;
  entry: CachedFigure | null;
  /** True when this run computed it (false when the cache had it). */
  computed?: boolean;
}

/** Every figure with its cache key and, when cached, its entry. */
async function lookUp(recipes: Map<string, Recipe>, cache: FigureCache): Promise<Job[]> {
  const engine = await computeCodeHash();
  return Promise.all(
    [...recipes].map(async ([key, recipe]) => {
      const reads = readsOf(recipe);
      // A figure that compares the photo with an image set changes with the set's images.
      const sets = (reads.sets ?? []).map((s) => weightsHash(s.set));
      const image = [...(await Promise.all(reads.images.map(imageHash))), ...sets].join(',');
      const id = cacheKey({ recipe, engine, weights: Object.keys(reads.models).map(weightsHash).join(','), image });
      return { key, recipe, cacheKey: id, entry: await cache.read(id) };
    }),
  );
}

/**
 * Computes the figures missing from the cache and stores them (filling each job's entry). The backend
 * starts only when something needs computing: a warm rebuild never pays for it. Returns it, or null.
 */
/** Seconds this run spent building image-set indexes (before the figures that read them). */
let indexSeconds = 0;

async function computeMissing(jobs: Job[], cache: FigureCache, all: Recipe[]): Promise<BackendReport | null> {
  if (!jobs.length) return null;
  const backend = await initNodeBackend(backendArg());
  for (const skipped of backend.skipped) process.stderr.write(`Backend ${skipped.name} not used: ${skipped.reason}\n`);
  const bar = new ProgressBar({
    unit: 'figures to compute',
    total: jobs.length,
    totalWork: jobs.reduce((sum, j) => sum + costOf(j.recipe), 0),
  });
  const inputs = nodeInputs(planLoads(all));
  try {
    // The image sets first, each set and model in one pass, so no figure builds one of them alone.
    const sets = setRequests(jobs.map((j) => j.recipe));
    if (sets.length) {
      const started = performance.now();
      const built = await prepareSetIndexes(sets, inputs);
      indexSeconds = Math.round((performance.now() - started) / 10) / 100;
      if (built) process.stderr.write(`Indexed ${built} image-set layer(s) in ${formatSeconds(indexSeconds)}.\n`);
    }
    for (const job of jobs) {
      const { recipe } = job;
      const started = performance.now();
      const label = progressLabel(recipe);
      // Long optimisations report their progress, so the bar and its ETA move within a figure.
      let reported = 0;
      const onWork = (fraction: number) => {
        bar.tick(label, 0, 0, (fraction - reported) * costOf(recipe));
        reported = fraction;
      };
      const result = await computeFigure(recipe, inputs, { onWork });
      job.computed = true;
      job.entry = await cache.write(
        job.cacheKey,
        { recipe, data: result.data, backend: backend.name, ms: Math.round(performance.now() - started) },
        result.image,
      );
      bar.tick(label, 1, 0, (1 - reported) * costOf(recipe));
    }
  } finally {
    inputs.dispose();
  }
  bar.finish(`Computed ${jobs.length} figures on ${backend.name}.`);
  return backend;
}

/** The image-set indexes these recipes read, each once. */
function setRequests(recipes: Recipe[]): SetIndexRequest[] {
  return [...new Map(recipes.flatMap((r) => readsOf(r).sets ?? []).map((s) => [setIndexFile(s), s])).values()];
}

/**
 * Publishes the image-set indexes the figures read under their stable names (from the cache; built there
 * when the figures were all cached but an index is not): returns their files under the figures' folder.
 */
async function publishSets(recipes: Recipe[], backendStarted: boolean): Promise<string[]> {
  const requests = setRequests(recipes);
  if (!requests.length) return [];
  const cached = await Promise.all(requests.map(setIndexCached));
  if (!backendStarted && cached.includes(false)) await initNodeBackend(backendArg());
  const inputs = nodeInputs(planLoads(recipes));
  try {
    for (const request of requests) await inputs.imageSet(request);
  } finally {
    inputs.dispose();
  }
  return requests.map((s) => `${SET_INDEX_FOLDER}/${setIndexFile(s)}`);
}

/** What the progress bar names while a figure computes: its kind, and its model and layer where it has them. */
function progressLabel(recipe: Recipe): string {
  const model = 'model' in recipe ? ` ${recipe.model}` : '';
  return `${recipe.kind}${model}${'layer' in recipe ? `/${recipe.layer}` : ''}`;
}

/** The backend a computation would use: the requested one, or WebGPU when Dawn finds a GPU, else wasm. */
async function plannedBackend(): Promise<string> {
  const requested = backendArg();
  if (requested !== 'auto') return requested;
  return (await installDawn()) === null ? 'webgpu' : 'wasm';
}

runMain(main);
