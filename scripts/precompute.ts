/**
 * npm run precompute [-- --backend NAME]
 * Computes every figure the articles declare with the engine (WebGPU where there is one, else WASM),
 * reusing cached results, then writes the manifest the Astro components read and a report.
 */
import path from 'node:path';
import type { BackendName } from '../src/engine/index.ts';
import { costOf } from '../src/figures/registry/authoring.ts';
import { installDawn } from '../src/node/dawn.ts';
import { chooseProfile } from '../src/node/build-profile.ts';
import { contentDir, workDir } from '../src/node/paths.ts';
import { collectFigures } from '../src/node/precompute/collect-figures.ts';
import { FigureCache } from '../src/node/precompute/figure-cache.ts';
import { computeMissing, lookUp, publishSets, type ComputeResult, type Job } from '../src/node/precompute/compute.ts';
import { costKey } from '../src/node/precompute/predict.ts';
import { writeAtomically } from '../src/node/atomic-write.ts';
import { ProgressBar, formatSeconds } from './lib/progress.ts';
import { MANIFEST_FILE, REPORT_FILE } from '../src/figures/manifest.ts';
import { runMain } from './lib/main.ts';

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
  const all = [...collected.recipes.values()];
  const eta = new EtaLog();
  const result = await computeMissing(jobs, cache, all, eta.hooks(backendArg()));
  const { backend } = result;
  if (backend) eta.finish(`Computed ${jobs.filter((j) => j.computed).length} figures on ${backend.name}.`);
  const manifest = Object.fromEntries(jobs.map((job) => [job.key, job.entry!]));
  const sets = await publishSets(all, backend !== null, backendArg());
  const computed = jobs.filter((job) => job.computed).length;
  const seconds = (performance.now() - started) / 1000;
  const report = {
    computed,
    reused: collected.recipes.size - computed,
    seconds: Math.round(seconds * 100) / 100,
    // With nothing to compute no backend starts; the report then names the one that would have.
    backend: backend?.name ?? (await plannedBackend()),
    setIndexSeconds: result.setIndexSeconds,
    profile: profile.name,
    articles: collected.articles,
    notFetched: collected.notFetched.length,
    perArticle: perArticle(jobs, collected.articleOf),
    timings: timings(jobs, result),
    eta: eta.points,
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

/**
 * What each piece of work of this run took (the figures computed and the set indexes built), to calibrate
 * the predicted costs (npm run calibrate-costs).
 */
function timings(jobs: Job[], result: ComputeResult) {
  return {
    figures: jobs
      .filter((job) => job.computed)
      .map((job) => ({ key: costKey(job.recipe), cost: costOf(job.recipe), seconds: job.seconds! })),
    setIndexes: result.setIndexes,
  };
}

/**
 * The progress bar, and a log of (seconds elapsed, ETA in seconds) after each figure and each set index,
 * kept in the report so the ETA's honesty can be measured against when the run really ended (bench eta).
 */
class EtaLog {
  readonly points: [number, number][] = [];
  private bar: ProgressBar | null = null;

  hooks(backend: BackendName | 'auto') {
    return {
      backend,
      log: (line: string) => process.stderr.write(`${line}\n`),
      onPlan: (plan: { figures: number; predictedSeconds: number }) => {
        this.bar = new ProgressBar({
          unit: 'figures to compute',
          total: plan.figures,
          totalWork: plan.predictedSeconds,
        });
        this.points.push([0, round(plan.predictedSeconds)]);
      },
      onWork: (label: string, figures: number, predicted: number, ended: boolean) => {
        this.bar!.tick(label, figures, 0, predicted);
        if (ended) this.points.push([round(this.bar!.elapsedSeconds()), round(this.bar!.remainingSeconds() ?? 0)]);
      },
    };
  }

  finish(summary: string): void {
    this.bar?.finish(summary);
  }
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

/** The backend a computation would use: the requested one, or WebGPU when Dawn finds a GPU, else wasm. */
async function plannedBackend(): Promise<string> {
  const requested = backendArg();
  if (requested !== 'auto') return requested;
  return (await installDawn()) === null ? 'webgpu' : 'wasm';
}

runMain(main);
