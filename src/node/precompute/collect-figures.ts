/**
 * Collects every figure the articles declare, validated: a list of unique recipes to compute, or every
 * problem found across all articles, each with its file, line and the valid choices.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { recipeKey } from '../../figures/key.ts';
import { resolveFigure } from '../../figures/validate.ts';
import type { Recipe } from '../../figures/registry/types.ts';
import { PROJECT_ROOT, contentDir } from '../paths.ts';
import { scanArticle } from '../../figures/scan.ts';
import { checkFrontmatter } from '../../figures/check-frontmatter.ts';
import type { BuildProfile } from '../../figures/profiles.ts';
import { contentImages } from '../../figures/content-images.ts';
import { contentImageSets } from '../../figures/content-image-sets.ts';
import { SITE_BIBLIOGRAPHY, articleBibliography, loadBibFile } from '../../references/load.ts';
import { checkCites, checkRefs } from '../../references/check.ts';

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
  // The articles' own images and image sets first: a figure naming one is only checked once they check out.
  const content = path.dirname(dir);
  const collected = emptyCollection(content);
  for (const file of files) await collectArticle(collected, path.join(dir, file), profile, content);
  return collected;
}

/**
 * Empty: no article, no recipe; the content's own images, image sets and references.bib checked once (their
 * problems listed), not per article.
 */
export function emptyCollection(content = contentDir()): Collected {
  return {
    articles: 0,
    recipes: new Map(),
    articleOf: new Map(),
    notFetched: [],
    problems: [
      ...contentImages().problems,
      ...contentImageSets().problems,
      ...loadBibFile(path.join(content, SITE_BIBLIOGRAPHY), false).problems,
    ],
  };
}

/** Adds one article's figures (or its problems) to a collection: the whole content's, or one edited article's. */
export async function collectArticle(
  collected: Collected,
  file: string,
  profile: BuildProfile,
  content = contentDir(),
): Promise<void> {
  const display = path.relative(PROJECT_ROOT, file);
  collected.articles++;
  const article = await scanArticle(file, display);
  collected.problems.push(...article.problems);
  // The frontmatter first: its problems once, at its own lines, and not again at every figure.
  const names = article.figures.flatMap((f) => (typeof f.props.name === 'string' ? [f.props.name] : []));
  const frontmatter = checkFrontmatter(article.frontmatter, article.frontmatterPlace, display, names);
  collected.problems.push(...frontmatter, ...checkRefs(article));
  const photo = article.frontmatter.photo;
  if (frontmatter.length || typeof photo !== 'string') return;
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
