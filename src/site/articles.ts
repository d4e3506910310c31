/**
 * The articles as a series, for the pages that list or link them: the content collection in reading order
 * (frontmatter `order`, then title, so that articles of equal order keep one order on every page), each
 * one's place in it, and a day written out as the byline shows it.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { articleCover, type CardPicture, type Cover } from './cover.ts';
import { readingMinutes } from './reading-time.ts';
import { withBase } from './urls.ts';
import { THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH } from '../node/card-thumbnail.ts';
import { PROJECT_ROOT } from '../node/paths.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

export async function articlesInOrder(): Promise<ArticleEntry[]> {
  return (await getCollection('articles')).sort(
    (a: ArticleEntry, b: ArticleEntry) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title),
  );
}

/** An article's neighbours in the series (undefined at either end). */
export function neighbours(
  series: ArticleEntry[],
  id: string,
): { previous: ArticleEntry | undefined; next: ArticleEntry | undefined } {
  const at = series.findIndex((entry) => entry.id === id);
  return { previous: at > 0 ? series[at - 1] : undefined, next: at >= 0 ? series[at + 1] : undefined };
}

/** The day in words ("1 May 2024"), read in UTC so that the page says the day the author wrote. */
export function dayInWords(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
}

/** The article's cover picture (src/site/cover.ts), its URL under the site's base path. */
export function coverOf(entry: ArticleEntry): Promise<Cover> {
  return articleCover({ ...entry.data, file: path.resolve(PROJECT_ROOT, entry.filePath!) }, import.meta.env.BASE_URL);
}

/** What the article's home-page card shows: its cover's WebP thumbnail (/covers/<id>.webp, src/node/card-thumbnail.ts). */
export async function cardPictureOf(entry: ArticleEntry): Promise<CardPicture> {
  const { width, height, pixelated } = await coverOf(entry);
  const url = withBase(import.meta.env.BASE_URL, `covers/${entry.id}.webp`);
  return pixelated
    ? { url, width, height, pixelated }
    : { url, width: THUMBNAIL_WIDTH, height: THUMBNAIL_HEIGHT, pixelated };
}

/** Minutes to read the article's prose (src/site/reading-time.ts). */
export function minutesOf(entry: ArticleEntry): number {
  return readingMinutes(entry.body ?? '');
}
