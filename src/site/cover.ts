/**
 * An article's representative picture, for its card on the home page and its link-preview image: the figure
 * its frontmatter `cover` names; without one, its first figure that has a precomputed image; failing that,
 * the article's photo. Server-side only (the build): it reads the MDX, the manifest and the image files.
 */
import path from 'node:path';
import sharp from 'sharp';
import { scanArticle, type DeclaredFigure } from '../figures/scan.ts';
import { lookupFigure } from '../figures/lookup.ts';
import { readManifest } from '../figures/manifest.ts';
import { AUTHORING } from '../figures/registry/authoring.ts';
import { imageRef } from '../figures/contract/authoring.ts';
import { imagePath } from '../node/figure-inputs.ts';

export interface Cover {
  /** Where the page loads it, under the site's base path. */
  url: string;
  /** The same picture on disk (the figure cache, or the image pack), for sharp. */
  file: string;
  width: number;
  height: number;
  /** What it shows, for an alt text. */
  alt: string;
  /** A figure of a few dozen pixels a side: shown as it is and scaled up in blocks, as the article draws it. */
  pixelated: boolean;
}

/** Narrower than this, a cover is a small figure, shown at its own size (scaled up in blocks). */
const PIXELATED_BELOW = 320;

/** What a home-page card shows of the cover. */
export type CardPicture = Pick<Cover, 'url' | 'width' | 'height' | 'pixelated'>;

/** What the cover needs of an article: its MDX file and the frontmatter fields it reads. */
export interface CoverArticle {
  /** Path of the article's MDX file. */
  file: string;
  title: string;
  photo: string;
  cover?: string | undefined;
}

export async function articleCover(article: CoverArticle, base: string): Promise<Cover> {
  const root = base.replace(/\/?$/, '/');
  const { figures } = await scanArticle(article.file);
  const named = article.cover === undefined ? null : figures.find((f) => f.props.name === article.cover);
  if (article.cover !== undefined && !named)
    // The precompute's frontmatter check says the same, with the closest name; this guards a stale build.
    throw new Error(`${article.file}: frontmatter cover "${article.cover}" names no figure of the article.`);
  for (const figure of named ? [named] : figures) {
    const found = figureCover(figure, article, root);
    if (found) return found;
  }
  if (named)
    throw new Error(
      `${article.file}: frontmatter cover "${article.cover}" is a <${named.component}>, which has no image: name a figure that draws one.`,
    );
  return photoCover(article, root);
}

/** The figure's precomputed image as a cover, or null when it has none (a table, a chart, not fetched). */
function figureCover(figure: DeclaredFigure, article: CoverArticle, root: string): Cover | null {
  const found = lookupFigure(figure.kind, figure.props, { photo: article.photo }, root);
  if (found.status !== 'ok' || !found.figure.image || !found.imageUrl) return null;
  const { file, width, height } = found.figure.image;
  // The kind's summary says what any such figure shows; the caption is MDX the scan does not read.
  const what = AUTHORING[figure.kind].summary.split(/[;(]/)[0]!.trim();
  return {
    url: found.imageUrl,
    file: path.join(readManifest().cacheFiles, file),
    width,
    height,
    alt: `Figure ${figure.number} of “${article.title}”: ${what}.`,
    pixelated: width < PIXELATED_BELOW,
  };
}

async function photoCover(article: CoverArticle, root: string): Promise<Cover> {
  const ref = imageRef(article.photo);
  const file = imagePath(ref);
  const { width, height } = await sharp(file).metadata();
  return {
    url: `${root}data/${ref}`,
    file,
    width,
    height,
    alt: `The photo of “${article.title}”: ${ref.split('/').pop()}.`,
    pixelated: width < PIXELATED_BELOW,
  };
}
