/**
 * Collects every figure the articles declare, validated: a list of unique recipes to compute, or every
 * problem found across all articles, each with its file, line and the valid choices.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { recipeKey } from '../../src/figures/key.ts';
import { resolveFigure } from '../../src/figures/validate.ts';
import type { Recipe } from '../../src/figures/registry/types.ts';
import { PROJECT_ROOT, contentDir } from '../../src/node/paths.ts';
import { scanArticle } from '../../src/figures/scan.ts';
import { checkFrontmatter } from '../../src/figures/check-frontmatter.ts';
import type { BuildProfile } from '../../src/figures/profiles.ts';
import { contentImages } from '../../src/figures/content-images.ts';
import { contentImageSets } from '../../src/figures/content-image-sets.ts';
import { SITE_BIBLIOGRAPHY, articleBibliography, loadBibFile } from '../../src/references/load.ts';
import { checkCites, checkRefs } from '../../src/references/check.ts';

export interface Collected {
  articles: number;
  /** Unique recipes by key. */
  recipes: Map<string, Recipe>;
  /** The article (path from the project root) that first declares each recipe, by key. */
  articleOf: Map<string, string>;
  /** Figures left out because their weights are not fetched (whenFetched). */
  notFetched: string[];
  problems: string[];
}

export async function collectFigures(
  profile: BuildProfile,
  dir = path.join(contentDir(), 'articles'),
): Promise<Collected> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.mdx')).sort();
  const collected: Collected = {
    articles: files.length,
    recipes: new Map(),
    articleOf: new Map(),
    notFetched: [],
    // The articles' own images and image sets first: a figure naming one is only checked once they check out.
    problems: [...contentImages().problems, ...contentImageSets().problems],
  };
  // The content folder holds the articles' folder; its references.bib is checked once, not per article.
  const content = path.dirname(dir);
  collected.problems.push(...loadBibFile(path.join(content, SITE_BIBLIOGRAPHY), false).problems);
  for (const file of files) {
    const display = path.relative(PROJECT_ROOT, path.join(dir, file));
    const article = await scanArticle(path.join(dir, file), display);
    collected.problems.push(...article.problems);
    // The frontmatter first: its problems once, at its own lines, and not again at every figure.
    const names = article.figures.flatMap((f) => (typeof f.props.name === 'string' ? [f.props.name] : []));
    const frontmatter = checkFrontmatter(article.frontmatter, article.frontmatterPlace, display, names);
    collected.problems.push(...frontmatter, ...checkRefs(article));
    const photo = article.frontmatter.photo;
    if (frontmatter.length || typeof photo !== 'string') continue;
    const bibliography = articleBibliography(content, article.frontmatter.bibliography as string | undefined);
    collected.problems.push(...bibliography.problems, ...checkCites(article, [...bibliography.entries.keys()]));
    for (const figure of article.figures) {
      const where = `${display}:${figure.line}:${figure.column}: <${figure.component}>`;
      const resolution = resolveFigure(figure.kind, figure.props, photo, profile);
      if (resolution.status === 'invalid') collected.problems.push(...resolution.problems.map((p) => `${where} ${p}`));
      else if (resolution.status === 'not-fetched')
        collected.notFetched.push(`${where} ${resolution.model}/${resolution.layer}`);
      else {
        const key = recipeKey(resolution.recipe);
        collected.recipes.set(key, resolution.recipe);
        if (!collected.articleOf.has(key)) collected.articleOf.set(key, display);
      }
    }
  }
  return collected;
}
