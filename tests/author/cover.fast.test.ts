/**
 * An article's cover: the named figure, else the first figure with an image, else the photo. The manifest is
 * written here for the test's own articles (recipe keys as the precompute makes them), so no weights are read.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleCover } from '../../src/site/cover.ts';
import { recipeKey } from '../../src/figures/key.ts';
import { MANIFEST_FILE } from '../../src/figures/manifest.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import type { RecipeKind } from '../../src/figures/registry/types.ts';
import { resolveFigure } from '../../src/figures/validate.ts';
import { imagePath } from '../../src/node/figure-inputs.ts';

const FIGURES = [
  { tag: 'TopK name="guesses" k={3}', kind: 'top-k', props: { k: 3 }, image: null },
  {
    tag: 'FeatureMapGrid name="maps" layer="conv2d_1"',
    kind: 'feature-maps',
    props: { layer: 'conv2d_1' },
    image: 'maps.png',
  },
  {
    tag: 'FilterGallery name="filters" layer="conv2d_1"',
    kind: 'filters',
    props: { layer: 'conv2d_1' },
    image: 'filters.png',
  },
] as const;

let dir: string;
const saved = process.env.LAYERLENS_WORK;

async function article(name: string, cover: string | null, figures: readonly (typeof FIGURES)[number][]) {
  const file = path.join(dir, `${name}.mdx`);
  const body = figures.map((f) => `<${f.tag}>Caption.</${f.tag.split(' ')[0]}>`).join('\n\n');
  await writeFile(file, `---\ntitle: T\n${cover ? `cover: ${cover}\n` : ''}---\n\nText.\n\n${body}\n`);
  return { file, title: 'A title', photo: 'chelsea.png', ...(cover ? { cover } : {}) };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cover-'));
  await mkdir(path.join(dir, 'files'));
  const figures: Record<string, unknown> = {};
  for (const [i, f] of FIGURES.entries()) {
    const resolved = resolveFigure(f.kind as RecipeKind, f.props, 'chelsea.png', PROFILES.cpu);
    if (resolved.status !== 'ok') throw new Error(JSON.stringify(resolved));
    figures[recipeKey(resolved.recipe)] = {
      recipe: resolved.recipe,
      meta: `${i}.json`,
      ...(f.image ? { image: { file: f.image, width: 100 + i, height: 50 + i } } : {}),
    };
  }
  await writeFile(
    path.join(dir, MANIFEST_FILE),
    JSON.stringify({ cacheFiles: path.join(dir, 'files'), profile: 'cpu', figures }),
  );
  process.env.LAYERLENS_WORK = dir;
});

afterAll(async () => {
  if (saved === undefined) delete process.env.LAYERLENS_WORK;
  else process.env.LAYERLENS_WORK = saved;
  await rm(dir, { recursive: true, force: true });
});

describe('article cover', () => {
  it('is the figure the frontmatter names, under the base path, with its file and size', async () => {
    const cover = await articleCover(await article('named', 'filters', FIGURES), '/sub');
    expect(cover).toMatchObject({ url: '/sub/figures/filters.png', width: 102, height: 52 });
    expect(cover.file).toBe(path.join(dir, 'files', 'filters.png'));
    expect(cover.alt).toMatch(/^Figure 3 of “A title”: the learned filters of a conv layer/);
  });

  it('without a cover, is the first figure that has an image (a table has none)', async () => {
    const cover = await articleCover(await article('first', null, FIGURES), '/');
    expect(cover).toMatchObject({ url: '/figures/maps.png', width: 101, height: 51 });
    expect(cover.alt).toMatch(/^Figure 2 of/);
  });

  it('failing that, is the article photo with its real size', async () => {
    const cover = await articleCover(await article('photo', null, [FIGURES[0]]), '/');
    const real = await sharp(imagePath('images-photos/chelsea.png')).metadata();
    expect(cover).toMatchObject({ url: '/data/images-photos/chelsea.png', width: real.width, height: real.height });
    expect(cover.file).toBe(imagePath('images-photos/chelsea.png'));
  });

  it('refuses a cover that names a figure without an image, or no figure', async () => {
    await expect(articleCover(await article('table', 'guesses', FIGURES), '/')).rejects.toThrow(
      /cover "guesses" is a <TopK>, which has no image/,
    );
    await expect(articleCover(await article('none', 'nope', FIGURES), '/')).rejects.toThrow(/names no figure/);
  });
});
