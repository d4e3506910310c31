/**
 * The GPU kit without a GPU: built for one small article, run by bash with a PATH that holds a few tools
 * and no Node or npm (an empty HOME, nothing else in the environment), on the cpu profile; its report and
 * cache checked, imported into a fresh work folder where the precompute's lookup then finds every figure;
 * a tampered entry refused. The kit is compressed with xz -0 here (fast; the default -6 is smaller).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/figures/profiles.ts';
import { contentDir } from '../../src/node/paths.ts';
import { collectArticle, emptyCollection } from '../../src/node/precompute/collect-figures.ts';
import { lookUp } from '../../src/node/precompute/compute.ts';
import { FigureCache } from '../../src/node/precompute/figure-cache.ts';
import { buildKit, type Kit } from '../../scripts/lib/gpu-kit/build.ts';
import { importRun } from '../../scripts/lib/gpu-kit/import.ts';
import { CACHE_PARTS, RUN_FILE } from '../../scripts/lib/gpu-kit/layout.ts';

const ARTICLE = 'writing-for-layerlens';
/** What run.sh uses, and nothing else: no node, no npm. */
const TOOLS = ['bash', 'tar', 'gzip', 'xz', 'mktemp', 'mkdir', 'date', 'dirname', 'tee', 'split', 'rm', 'chmod', 'ls'];

let work: string;
let kit: Kit;
const saved = { work: process.env.LAYERLENS_WORK, xz: process.env.LAYERLENS_KIT_XZ };

/** A folder of links to TOOLS: the PATH the kit runs with. */
function toolPath(): string {
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  for (const tool of TOOLS)
    symlinkSync(
      execFileSync('bash', ['-c', `command -v ${tool}`])
        .toString()
        .trim(),
      path.join(bin, tool),
    );
  return bin;
}

const cleanEnv = () => ({ PATH: path.join(work, 'bin'), HOME: path.join(work, 'home'), TMPDIR: work });

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'layerlens-gpu-kit-'));
  process.env.LAYERLENS_WORK = path.join(work, 'kit-work');
  process.env.LAYERLENS_KIT_XZ = '-0';
  kit = await buildKit([ARTICLE]);
  toolPath();
  mkdirSync(path.join(work, 'home'));
});
afterAll(() => {
  for (const [name, value] of [
    ['LAYERLENS_WORK', saved.work],
    ['LAYERLENS_KIT_XZ', saved.xz],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  rmSync(work, { recursive: true, force: true });
});

describe('the GPU kit', () => {
  it('holds its parts and the article asked for', () => {
    expect(Object.keys(kit.parts).sort()).toEqual(['natives.tar.xz', 'node.xz', 'project.tar.gz', 'run.sh']);
    expect(kit.articles).toEqual([ARTICLE]);
    expect(kit.bytes).toBe(Object.values(kit.parts).reduce((a, b) => a + b, 0));
  });

  it('runs with no Node or npm on the PATH, computes the article on the cpu profile, and imports', async () => {
    const env = cleanEnv();
    expect(spawnSync('bash', ['-c', 'command -v node || command -v npm'], { env }).status).not.toBe(0);
    const out = path.join(work, 'out');
    const args = [path.join(kit.dir, 'run.sh'), out, '--budget', '90', '--profile', 'cpu', '--timing-runs', '1'];
    const run = spawnSync(path.join(env.PATH, 'bash'), args, { env, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/== Vulkan/);

    const report = JSON.parse(readFileSync(path.join(out, RUN_FILE), 'utf8'));
    expect(report.node.startsWith(path.join(work, 'layerlens-kit.'))).toBe(true); // the kit's own Node
    expect(report.profile).toBe('cpu');
    expect(report.seconds).toBeLessThan(90);
    expect(report.adapter.adapter === null).toBe(typeof report.adapter.problem === 'string');
    expect(report.computed).toBe(3);
    expect(report.notComputed).toBe(0);
    for (const figure of report.figures) expect(figure.seconds).toBeGreaterThan(0);
    expect(report.timingsMs.forwardMs).toBeGreaterThan(0);
    expect(Object.keys(report.timingsMs)).toHaveLength(7);
    expect(existsSync(path.join(work, 'home', '.npm'))).toBe(false); // nothing ran npm

    process.env.LAYERLENS_WORK = path.join(work, 'home-work');
    const imported = await importRun(out);
    expect(imported).toMatchObject({ imported: 3, present: 0, refused: [] });
    // The precompute now finds every figure of the article in the imported cache: nothing to compute.
    const collected = emptyCollection();
    await collectArticle(collected, path.join(contentDir(), 'articles', `${ARTICLE}.mdx`), PROFILES.cpu);
    const jobs = await lookUp(collected.recipes, new FigureCache(path.join(work, 'home-work', 'cache')));
    expect(jobs.map((job) => job.cacheKey).sort()).toEqual(
      report.figures.map((f: { cacheKey: string }) => f.cacheKey).sort(),
    );
    expect(jobs.every((job) => job.entry !== null)).toBe(true);
    expect((await importRun(out)).present).toBe(3);
  });

  it('refuses an entry whose recipe was changed after it was computed', async () => {
    const out = path.join(work, 'out');
    const tampered = path.join(work, 'tampered');
    mkdirSync(path.join(tampered, 'x'), { recursive: true });
    const parts = readdirSync(out)
      .filter((f) => f.startsWith(CACHE_PARTS))
      .map((f) => path.join(out, f));
    execFileSync('sh', ['-c', 'cat "$@" | tar -xz -C "$0"', path.join(tampered, 'x'), ...parts]);
    const entries = path.join(tampered, 'x', 'cache', 'entries');
    const name = readdirSync(entries)[0]!;
    const entry = JSON.parse(readFileSync(path.join(entries, name), 'utf8'));
    writeFileSync(path.join(entries, name), JSON.stringify({ ...entry, recipe: { ...entry.recipe, tampered: true } }));
    execFileSync('tar', ['-czf', path.join(tampered, `${CACHE_PARTS}aa`), '-C', path.join(tampered, 'x'), 'cache']);
    process.env.LAYERLENS_WORK = path.join(work, 'tampered-work');
    const result = await importRun(tampered);
    expect(result.imported).toBe(2);
    expect(result.refused).toEqual([expect.stringMatching(new RegExp(`^${name}: its key is not`))]);
  });
});
