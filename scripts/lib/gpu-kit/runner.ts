/**
 * The script the GPU kit runs on the far machine (bundled into one file by ./bundle.ts; run.sh starts it
 * in the kit's project folder with the kit's own Node):
 *   runner.mjs --out DIR --budget SECONDS [--profile gpu|cpu|auto] [--backend NAME] [--timing-runs N]
 * Reports the adapter, picks the profile, measures the engine timings, then precomputes the kit's articles
 * until the budget's end, and writes DIR/gpu-run.json (run.sh packs the cache beside it).
 */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { BackendName } from '../../../src/engine/index.ts';
import { PROFILES, type BuildProfile } from '../../../src/figures/profiles.ts';
import { initNodeBackend } from '../../../src/node/engine.ts';
import { workDir } from '../../../src/node/paths.ts';
import { collectFigures } from '../../../src/node/precompute/collect-figures.ts';
import { FigureCache } from '../../../src/node/precompute/figure-cache.ts';
import { computeMissing, lookUp } from '../../../src/node/precompute/compute.ts';
import { predictedSeconds } from '../../../src/node/precompute/predict.ts';
import { runMain } from '../main.ts';
import { findAdapter, pickProfile } from './adapter.ts';
import { RUN_FILE } from './layout.ts';
import { measureTimings } from './timings.ts';

/** The share of the budget the timings may take before the figures start. */
const TIMINGS_SHARE = 0.25;
/** Seconds kept back at the end: a stopped figure frees its tensors, the report is written (run.sh then packs the cache). */
const RESERVE_SECONDS = 20;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const started = performance.now();
  const out = path.resolve(option('out', '.'));
  const budget = Number(option('budget', '300'));
  if (!(budget > RESERVE_SECONDS)) throw new Error(`--budget ${budget}: give more than ${RESERVE_SECONDS} seconds.`);
  const deadline = started + (budget - RESERVE_SECONDS) * 1000;
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const found = await findAdapter();
  log(found.adapter ? `GPU adapter: ${JSON.stringify(found.adapter)}` : `No GPU adapter: ${found.problem}`);
  const backend = await initNodeBackend(option('backend', 'auto') as BackendName | 'auto');
  for (const skipped of backend.skipped) log(`Backend ${skipped.name} not used: ${skipped.reason}`);
  const profile = PROFILES[pickProfile(option('profile', 'auto'), backend.name)];
  process.env.LAYERLENS_PROFILE = profile.name; // chooseProfile() elsewhere agrees with this run
  log(`Profile ${profile.name} on ${backend.name}; budget ${budget}s.`);

  const timingsDeadline = started + budget * 1000 * TIMINGS_SHARE;
  const timings = await measureTimings(timingsDeadline, Number(option('timing-runs', '3')));
  log(`Timings (ms): ${JSON.stringify(timings)}`);

  const { collected, jobs, stopped } = await computeWithin(profile, backend.name, deadline, log);
  const figures = jobs.map((job) => ({
    article: collected.articleOf.get(job.key),
    kind: job.recipe.kind,
    key: job.key,
    cacheKey: job.cacheKey,
    seconds: job.computed ? job.seconds : null,
  }));
  const done = figures.filter((f) => f.seconds !== null).length;
  const run = {
    node: process.execPath,
    adapter: found,
    profile: profile.name,
    backend: backend.name,
    budgetSeconds: budget,
    stoppedByBudget: stopped,
    seconds: elapsed(started),
    timingsMs: timings,
    computed: done,
    notComputed: figures.length - done,
    figures,
  };
  await writeFile(path.join(out, RUN_FILE), `${JSON.stringify(run, null, 2)}\n`);
  log(`${done} of ${figures.length} figures in ${run.seconds}s on ${backend.name} (${profile.name} profile).`);
}

/** Precomputes the kit's articles, cheapest figure first, stopping at the deadline (the figure in progress is dropped). */
async function computeWithin(
  profile: BuildProfile,
  backend: BackendName,
  deadline: number,
  log: (line: string) => void,
) {
  const collected = await collectFigures(profile);
  if (collected.problems.length) throw new Error(`Invalid figures:\n${collected.problems.join('\n')}`);
  const cache = new FigureCache(path.join(workDir(), 'cache'));
  const jobs = await lookUp(collected.recipes, cache);
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new Error('budget spent')), Math.max(0, deadline - performance.now()));
  const started = performance.now();
  // Cheapest first (by the progress bar's prediction): a budget that ends mid-gallery keeps the most figures.
  const cheapestFirst = [...jobs].sort((a, b) => predictedSeconds(a.recipe) - predictedSeconds(b.recipe));
  try {
    await computeMissing(cheapestFirst, cache, [...collected.recipes.values()], {
      backend,
      log,
      signal: stop.signal,
      onWork: (label, figures, _predicted, ended) => {
        if (ended && figures) log(`  done: ${label} (${elapsed(started)}s into the figures)`);
      },
    });
  } finally {
    clearTimeout(timer);
  }
  return { collected, jobs, stopped: stop.signal.aborted };
}

const elapsed = (since: number) => Math.round(performance.now() - since) / 1000;

runMain(main);
