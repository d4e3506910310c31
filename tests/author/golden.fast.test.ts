/**
 * The author layer's output for the fixture articles, as committed golden JSON: each figure's place, its
 * recipe and the key the manifest stores it under (or why it is left out). Any change to what an article
 * means (a default, a recipe field, a key) shows here as a diff before it reaches a build.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'vitest';
import { recipeKey } from '../../src/figures/key.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { scanArticle } from '../../src/figures/scan.ts';
import { resolveFigure } from '../../src/figures/validate.ts';
import { PROJECT_ROOT } from '../../src/node/paths.ts';
import { expectGolden } from '../helpers/golden.ts';

const ARTICLES = path.join(PROJECT_ROOT, 'tests/fixtures/basic/content/articles');
// The fixture's own images (content/images/) are the fixture content folder's.
process.env.LAYERLENS_CONTENT = 'tests/fixtures/basic/content';
const GOLDEN = path.join(PROJECT_ROOT, 'tests/author/golden');

async function authorOutput(file: string) {
  const article = await scanArticle(path.join(ARTICLES, file), file);
  const photo = String(article.frontmatter.photo);
  return {
    frontmatter: article.frontmatter,
    figures: article.figures.map((figure) => {
      const at = `${file}:${figure.line}:${figure.column}`;
      const resolution = resolveFigure(figure.kind, figure.props, photo, PROFILES.cpu);
      switch (resolution.status) {
        case 'ok':
          return { at, component: figure.component, key: recipeKey(resolution.recipe), recipe: resolution.recipe };
        case 'not-fetched':
          return { at, component: figure.component, notFetched: `${resolution.model}/${resolution.layer}` };
        case 'invalid':
          return { at, component: figure.component, problems: resolution.problems };
      }
    }),
  };
}

describe('golden author output (cpu profile)', async () => {
  const files = (await readdir(ARTICLES)).filter((f) => f.endsWith('.mdx')).sort();
  it.each(files)('%s', async (file) => {
    await expectGolden(GOLDEN, path.basename(file, '.mdx'), await authorOutput(file));
  });
});
