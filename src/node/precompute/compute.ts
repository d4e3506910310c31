/**
 * The precompute's compute path, shared by `npm run precompute` (every article) and the dev server (the
 * article just edited): look every recipe up in the cache, compute the missing ones with the engine (the
 * image-set indexes they read first), store them, and publish the set indexes. Progress is reported in
 * predicted seconds (./predict.ts), so a caller's progress bar can show an honest ETA.
 */
import type { BackendName, BackendReport } from '../../engine/index.ts';
import { planLoads } from '../../figures/inputs/load-plan.ts';
import { computeFigure, readsOf } from '../../figures/registry/compute.ts';
import type { Recipe } from '../../figures/registry/types.ts';
import { SET_INDEX_FOLDER, setIndexFile, type SetIndexRequest } from '../../figures/common/image-set/set-index.ts';
import { initNodeBackend } from '../engine.ts';
import { nodeInputs } from '../figure-inputs.ts';
import { computeCodeHash, imageHash, weightsHash } from '../input-hashes.ts';
import { missingSetIndexGroups, prepareSetIndexes, setIndexCached } from '../set-index-store.ts';
import { type FigureCache, cacheKey, type CachedFigure } from './figure-cache.ts';
import { predictedSeconds, predictedSetIndexSeconds } from './predict.ts';

export interface Job {
  key: string;
  recipe: Recipe;
  cacheKey: string;
  entry: CachedFigure | null;
  /** True when this run computed it (false when the cache had it). */
  computed?: boolean;
  /** Seconds this run spent on it, storing included (the entry's `ms` is the computation alone). */
  seconds?: number;
}

export interface ComputeHooks {
  backend: BackendName | 'auto';
  /** Told, before any work, how many figures will be computed and the predicted seconds of all the work. */
  onPlan?(plan: { figures: number; predictedSeconds: number }): void;
  /**
   * Told as work advances: `figures` finished, `predicted` seconds of predicted work done, and whether a
   * piece of work (a figure, a set's index pass) just ended.
   */
  onWork?(label: string, figures: number, predicted: number, ended: boolean): void;
  log(line: string): void;
  /**
   * Aborting stops the run between figures, or inside the figure computing (it is dropped): the figures
   * finished are stored and kept (the GPU kit's time budget).
   */
  signal?: AbortSignal;
}

export interface ComputeResult {
  /** The backend that computed, or null when nothing needed computing (no backend started). */
  backend: BackendReport | null;
  /** Seconds spent building image-set indexes, and each index group's: images and measured seconds. */
  setIndexSeconds: number;
  setIndexes: { set: string; model: string; images: number; seconds: number }[];
}

/** Every figure with its cache key and, when cached, its entry. */
export async function lookUp(recipes: Map<string, Recipe>, cache: FigureCache): Promise<Job[]> {
  const engine = await computeCodeHash();
  return Promise.all(
    [...recipes].map(async ([key, recipe]) => {
      const id = await cacheKeyOf(recipe, engine);
      return { key, recipe, cacheKey: id, entry: await cache.read(id) };
    }),
  );
}

/** A recipe's cache key here: its inputs' hashes (weights, images, sets) with the engine's code hash. */
export async function cacheKeyOf(recipe: Recipe, engine: string): Promise<string> {
  const reads = readsOf(recipe);
  // A figure that compares the photo with an image set changes with the set's images.
  const sets = (reads.sets ?? []).map((s) => weightsHash(s.set));
  const image = [...(await Promise.all(reads.images.map(imageHash))), ...sets].join(',');
  return cacheKey({ recipe, engine, weights: Object.keys(reads.models).map(weightsHash).join(','), image });
}

/**
 * Computes the jobs missing from the cache and stores them (filling each job's entry). The backend starts
 * only when something needs computing: a warm rebuild never pays for it. `all` is every recipe of the run
 * (the inputs are planned for all of them).
 */
export async function computeMissing(
  jobs: Job[],
  cache: FigureCache,
  all: Recipe[],
  hooks: ComputeHooks,
): Promise<ComputeResult> {
  const missing = jobs.filter((job) => !job.entry);
  const result: ComputeResult = { backend: null, setIndexSeconds: 0, setIndexes: [] };
  if (!missing.length) return result;
  const backend = await initNodeBackend(hooks.backend);
  result.backend = backend;
  for (const skipped of backend.skipped) hooks.log(`Backend ${skipped.name} not used: ${skipped.reason}`);
  // The image sets first, each set and model in one pass, so no figure builds one of them alone.
  const groups = await missingSetIndexGroups(setRequests(missing.map((j) => j.recipe)));
  const groupSeconds = groups.map((g) => predictedSetIndexSeconds(g.model, g.images));
  const figureSeconds = missing.map((j) => predictedSeconds(j.recipe));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  hooks.onPlan?.({ figures: missing.length, predictedSeconds: sum(groupSeconds) + sum(figureSeconds) });
  const inputs = nodeInputs(planLoads(all));
  try {
    await indexSets(groups, groupSeconds, inputs, hooks, result);
    for (const [i, job] of missing.entries()) {
      if (hooks.signal?.aborted) break;
      const started = performance.now();
      const entry = await computeOne(job, cache, inputs, backend.name, figureSeconds[i]!, hooks);
      if (!entry) break;
      job.entry = entry;
      job.computed = true;
      job.seconds = Math.round(performance.now() - started) / 1000;
    }
  } finally {
    inputs.dispose();
  }
  return result;
}

/** Builds the missing set indexes, reporting each pass's progress in predicted seconds. */
async function indexSets(
  groups: Awaited<ReturnType<typeof missingSetIndexGroups>>,
  groupSeconds: number[],
  inputs: ReturnType<typeof nodeInputs>,
  hooks: ComputeHooks,
  result: ComputeResult,
): Promise<void> {
  const started = performance.now();
  for (const [i, group] of groups.entries()) {
    const groupStarted = performance.now();
    let reported = 0;
    await prepareSetIndexes(group.requests, inputs, (_, fraction) => {
      hooks.onWork?.(`index ${group.set} ${group.model}`, 0, (fraction - reported) * groupSeconds[i]!, fraction === 1);
      reported = fraction;
    });
    const seconds = Math.round(performance.now() - groupStarted) / 1000;
    result.setIndexes.push({ set: group.set, model: group.model, images: group.images, seconds });
  }
  result.setIndexSeconds = Math.round((performance.now() - started) / 10) / 100;
  const built = groups.reduce((n, g) => n + g.requests.length, 0);
  if (built) hooks.log(`Indexed ${built} image-set layer(s) in ${result.setIndexSeconds}s.`);
}

/** Computes one figure and stores it (null when the hooks' signal stopped it); long optimisations report their progress within it. */
async function computeOne(
  job: Job,
  cache: FigureCache,
  inputs: ReturnType<typeof nodeInputs>,
  backend: string,
  predicted: number,
  hooks: ComputeHooks,
): Promise<CachedFigure | null> {
  const { recipe } = job;
  const started = performance.now();
  const label = progressLabel(recipe);
  let reported = 0;
  const onWork = (fraction: number) => {
    hooks.onWork?.(label, 0, (fraction - reported) * predicted, false);
    reported = fraction;
  };
  let result: Awaited<ReturnType<typeof computeFigure>>;
  try {
    result = await computeFigure(recipe, inputs, { onWork, signal: hooks.signal });
  } catch (error) {
    if (hooks.signal?.aborted) return null; // stopped in time: the figure is dropped, not an error
    throw error;
  }
  const ms = Math.round(performance.now() - started);
  const entry = await cache.write(job.cacheKey, { recipe, data: result.data, backend, ms }, result.image);
  hooks.onWork?.(label, 1, (1 - reported) * predicted, true);
  return entry;
}

/** The image-set indexes these recipes read, each once. */
export function setRequests(recipes: Recipe[]): SetIndexRequest[] {
  return [...new Map(recipes.flatMap((r) => readsOf(r).sets ?? []).map((s) => [setIndexFile(s), s])).values()];
}

/**
 * Publishes the image-set indexes the figures read under their stable names (from the cache; built there
 * when the figures were all cached but an index is not): returns their files under the figures' folder.
 */
export async function publishSets(
  recipes: Recipe[],
  backendStarted: boolean,
  backend: BackendName | 'auto',
): Promise<string[]> {
  const requests = setRequests(recipes);
  if (!requests.length) return [];
  const cached = await Promise.all(requests.map(setIndexCached));
  if (!backendStarted && cached.includes(false)) await initNodeBackend(backend);
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
