/**
 * The dev server's precompute, at the handler (starting astro dev in a test would take most of a minute):
 * saving an article computes only the figures it gained, adds them to the manifest and asks for one reload;
 * saving it unchanged computes nothing and reloads nothing; a broken article prints file:line and leaves
 * the manifest as it was. The engine, the model and the cache are real (Tiny Darknet on wasm).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/node/paths.ts';
import { editQueue, precomputeArticle, type EditHooks } from '../../src/node/precompute/article-edit.ts';
import type { Manifest } from '../../src/figures/manifest.ts';

let work: string;
let article: string;
const FRONTMATTER = '---\ntitle: Edited\ndescription: An article being written.\nphoto: chelsea.png\n---\n\n';

function recorder() {
  const seen = { info: [] as string[], errors: [] as string[], reloads: 0 };
  const hooks: EditHooks = {
    info: (line) => seen.info.push(line),
    error: (line) => seen.errors.push(line),
    reload: () => seen.reloads++,
  };
  return { seen, hooks };
}

async function manifest(): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(work, 'work', 'manifest.json'), 'utf8')) as Manifest;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layerlens-dev-'));
  const content = path.join(work, 'content');
  await cp(path.join(PROJECT_ROOT, 'tests/fixtures/basic/content'), content, { recursive: true });
  await rm(path.join(content, 'articles'), { recursive: true });
  await mkdir(path.join(content, 'articles'));
  article = path.join(content, 'articles', 'edited.mdx');
  await writeFile(article, `${FRONTMATTER}<TopK k={3}>Top 3.</TopK>\n`);
  process.env.LAYERLENS_CONTENT = content;
  process.env.LAYERLENS_WORK = path.join(work, 'work');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('precomputeArticle', () => {
  it('computes a new article and reloads once', async () => {
    const { seen, hooks } = recorder();
    const outcome = await precomputeArticle(article, hooks);
    expect(outcome, seen.errors.join('\n')).toMatchObject({ figures: 1, computed: 1, added: 1, problems: [] });
    expect(seen.reloads).toBe(1);
    expect(Object.values((await manifest()).figures).map((f) => f.recipe.kind)).toEqual(['top-k']);
  }, 120_000);

  it('computes only the figure an edit added', async () => {
    await writeFile(
      article,
      `${FRONTMATTER}<TopK k={3}>Top 3.</TopK>\n\n<FeatureMapGrid layer="conv2d_1" channels={[0,1,2,3]} columns={2}>New.</FeatureMapGrid>\n`,
    );
    const { seen, hooks } = recorder();
    const outcome = await precomputeArticle(article, hooks);
    expect(outcome, seen.errors.join('\n')).toMatchObject({ figures: 2, computed: 1, added: 1 });
    expect(seen.reloads).toBe(1);
    const written = await manifest();
    const maps = Object.values(written.figures).find((f) => f.recipe.kind === 'feature-maps');
    expect(maps?.image?.width).toBeGreaterThan(0);
    expect(existsSync(path.join(written.cacheFiles, maps!.image!.file))).toBe(true);
    expect(Object.keys(written.figures)).toHaveLength(2);
  }, 120_000);

  it('computes nothing and does not reload when the figures are all there', async () => {
    const { seen, hooks } = recorder();
    expect(await precomputeArticle(article, hooks)).toMatchObject({ figures: 2, computed: 0, added: 0 });
    expect(seen.reloads).toBe(0);
  });

  it('prints a broken figure with file and line, and keeps the manifest', async () => {
    const before = await manifest();
    await writeFile(article, `${FRONTMATTER}<TopK k={3}>Top 3.</TopK>\n\n<FeatureMapGrid layer="conv2d_99" />\n`);
    const { seen, hooks } = recorder();
    const outcome = await precomputeArticle(article, hooks);
    expect(outcome.computed).toBe(0);
    expect(seen.errors.join('\n')).toMatch(/edited\.mdx:9:1: <FeatureMapGrid> .*conv2d_99/);
    expect(seen.reloads).toBe(0);
    expect(await manifest()).toEqual(before);
  });
});

describe('editQueue', () => {
  it('runs edits one at a time and folds repeated saves of a file into one more run', async () => {
    const runs: string[] = [];
    let active = 0;
    let overlapped = false;
    const run = editQueue(async (file) => {
      overlapped ||= active > 0;
      active++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      runs.push(file);
      active--;
    });
    await Promise.all([run('a'), run('a'), run('b'), run('a')]);
    expect(overlapped).toBe(false);
    expect(runs).toEqual(['a', 'b']);
  });
});
