/**
 * The dev server's precompute: when an article is saved, collect its figures, compute only those missing
 * from the cache (the precompute's own compute path), add them to the manifest the pages read, and ask for
 * a reload. A broken article prints its problems (file:line) and leaves the manifest as it was.
 */
import path from 'node:path';
import { MANIFEST_FILE, readManifest } from '../../figures/manifest.ts';
import { writeAtomically } from '../atomic-write.ts';
import { chooseProfile } from '../build-profile.ts';
import { workDir } from '../paths.ts';
import { collectArticle, emptyCollection } from './collect-figures.ts';
import { computeMissing, lookUp, publishSets } from './compute.ts';
import { FigureCache } from './figure-cache.ts';

export interface EditHooks {
  info(line: string): void;
  error(line: string): void;
  /** Reload the browser's pages (the dev server's full reload). */
  reload(): void;
}

export interface EditOutcome {
  /** Figures the article declares, those this edit computed, those new to the manifest, and the problems that stopped it. */
  figures: number;
  computed: number;
  added: number;
  problems: string[];
}

/** Precomputes what one saved article needs; never throws (a failure is printed and returned as a problem). */
export async function precomputeArticle(file: string, hooks: EditHooks): Promise<EditOutcome> {
  try {
    return await precompute(file, hooks);
  } catch (error) {
    const message = `${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`;
    hooks.error(message);
    return { figures: 0, computed: 0, added: 0, problems: [message] };
  }
}

async function precompute(file: string, hooks: EditHooks): Promise<EditOutcome> {
  const profile = await chooseProfile();
  const collected = emptyCollection();
  await collectArticle(collected, file, profile);
  if (collected.problems.length) {
    for (const problem of collected.problems) hooks.error(problem);
    return { figures: collected.recipes.size, computed: 0, added: 0, problems: collected.problems };
  }
  const cache = new FigureCache(path.join(workDir(), 'cache'));
  const jobs = await lookUp(collected.recipes, cache);
  const all = [...collected.recipes.values()];
  const missing = jobs.filter((job) => !job.entry).length;
  if (missing) hooks.info(`computing ${missing} figure(s) of ${path.basename(file)}`);
  const { backend } = await computeMissing(jobs, cache, all, { backend: 'auto', log: hooks.info });
  const sets = await publishSets(all, backend !== null, 'auto');
  // The manifest keeps every other article's figures: this edit adds to it, it does not replace it.
  const manifest = readManifest();
  const added = jobs.filter((job) => !manifest.figures[job.key]).length;
  const figures = { ...manifest.figures, ...Object.fromEntries(jobs.map((job) => [job.key, job.entry!])) };
  const written = {
    cacheFiles: cache.filesDir,
    profile: profile.name,
    figures,
    sets: [...new Set([...(manifest.sets ?? []), ...sets])],
  };
  await writeAtomically(path.join(workDir(), MANIFEST_FILE), JSON.stringify(written));
  if (missing)
    hooks.info(`computed ${missing} figure(s) of ${path.basename(file)}${backend ? ` on ${backend.name}` : ''}`);
  // The edit itself reloaded the page (Vite saw the MDX change); once more only when it had figures missing.
  if (added) hooks.reload();
  return { figures: jobs.length, computed: missing, added, problems: [] };
}

/** Runs edits one at a time, each file's latest once: saving twice while computing computes once more, not twice. */
export function editQueue(handle: (file: string) => Promise<unknown>): (file: string) => Promise<void> {
  const waiting = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  return (file) => {
    if (waiting.has(file)) return running;
    waiting.add(file);
    running = running.then(async () => {
      waiting.delete(file);
      await handle(file);
    });
    return running;
  };
}
