/** Figure numbers from the scan, <Ref> and <Cite> checks with file:line and did-you-mean. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanArticle } from '../../src/figures/scan.ts';
import { checkCites, checkRefs } from '../../src/references/check.ts';
import { articleBibliography } from '../../src/references/load.ts';
import { collectFigures } from '../../src/node/precompute/collect-figures.ts';
import { PROFILES } from '../../src/figures/profiles.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import {
  FIGURE_NUMBER_PROP,
  figureNumbersPlugin,
  isFigureElement,
  type JsxElement,
} from '../../src/figures/numbering.ts';

const ARTICLE = `---
title: T
description: D
photo: chelsea.png
---

See <Ref to="grid" /> and <Ref to="gird" />, and <Ref to="filtres" />.

<TopK k={3} />

<FigureRow>
  <InputPhoto name="photo" />
  <FeatureMapGrid layer="conv2d_1" name="grid" />
</FigureRow>

Text <Cite key="zeiler2014" /> and <Cite keys={["smilkov2017", "zieler2014"]} />.

<FilterGallery layer="conv2d_1" name="filters" />
`;

const BIB = `@inproceedings{zeiler2014, author = {Zeiler, Matthew D. and Fergus, Rob}, title = {Visualizing}, year = 2014}
@misc{smilkov2017, author = {Smilkov, Daniel and others}, title = {{SmoothGrad}}, year = {2017}}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'layerlens-vocabulary-'));
  await mkdir(path.join(dir, 'articles'));
  await writeFile(path.join(dir, 'articles/a.mdx'), ARTICLE);
  await writeFile(path.join(dir, 'references.bib'), BIB);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('figure numbers', () => {
  it('numbers every figure in source order, a row counting each of its figures', async () => {
    const article = await scanArticle(path.join(dir, 'articles/a.mdx'), 'a.mdx');
    expect(article.figures.map((f) => [f.component, f.number, f.line])).toEqual([
      ['TopK', 1, 9],
      ['InputPhoto', 2, 12],
      ['FeatureMapGrid', 3, 13],
      ['FilterGallery', 4, 18],
    ]);
  });

  it('the Markdown plugin hands each figure the number the scan gives it', async () => {
    const tree = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .parse(ARTICLE.replace(/^---[\s\S]*?---\n/, ''));
    // As Astro's processor runs it: one plugin per document, its hooks called on the JSX elements in order.
    const plugin = figureNumbersPlugin();
    const context = {
      replaceNode: (node: JsxElement, replacement: JsxElement) => void Object.assign(node, replacement),
    };
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement') plugin.mdxJsxFlowElement(node as unknown as JsxElement, context);
      if (node.type === 'mdxJsxTextElement') plugin.mdxJsxTextElement(node as unknown as JsxElement, context);
    });
    const numbers: string[] = [];
    visit(tree, (node) => {
      if (isFigureElement(node))
        numbers.push(String(node.attributes.find((a) => a.name === FIGURE_NUMBER_PROP)?.value));
    });
    expect(numbers).toEqual(['1', '2', '3', '4']);
  });
});

describe('<Ref> and <Cite> checks', () => {
  it('a <Ref> to a missing name fails with file:line and did-you-mean', async () => {
    const article = await scanArticle(path.join(dir, 'articles/a.mdx'), 'a.mdx');
    expect(checkRefs(article)).toEqual([
      'a.mdx:7:27: <Ref> no figure of this article is named "gird" (did you mean "grid"?); named figures: photo, grid, filters',
      'a.mdx:7:50: <Ref> no figure of this article is named "filtres" (did you mean "filters"?); named figures: photo, grid, filters',
    ]);
  });

  it('a <Cite> of an unknown key fails with file:line and did-you-mean', async () => {
    const article = await scanArticle(path.join(dir, 'articles/a.mdx'), 'a.mdx');
    const { entries, problems } = articleBibliography(dir);
    expect(problems).toEqual([]);
    expect(checkCites(article, [...entries.keys()])).toEqual([
      'a.mdx:16:36: <Cite> no bibliography entry "zieler2014" (did you mean "zeiler2014"?)',
    ]);
  });

  it('the build reports both with the figures, before any precompute', async () => {
    const collected = await collectFigures(PROFILES.cpu, path.join(dir, 'articles'));
    const problems = collected.problems.map((p) => p.replace(`${path.relative(process.cwd(), dir)}/`, ''));
    expect(problems.filter((p) => /<Ref>|<Cite>/.test(p)).map((p) => p.split(' no ')[0])).toEqual([
      'articles/a.mdx:7:27: <Ref>',
      'articles/a.mdx:7:50: <Ref>',
      'articles/a.mdx:16:36: <Cite>',
    ]);
  });

  it('a malformed <Cite> says how to write it', async () => {
    await writeFile(path.join(dir, 'articles/b.mdx'), ARTICLE.replace('<Cite key="zeiler2014" />', '<Cite kye="x" />'));
    const article = await scanArticle(path.join(dir, 'articles/b.mdx'), 'b.mdx');
    expect(checkCites(article, ['zeiler2014'])[0]).toBe(
      'b.mdx:16:6: <Cite> unknown prop "kye" (did you mean "key"?); props: key, keys, page',
    );
    await rm(path.join(dir, 'articles/b.mdx'));
  });
});
