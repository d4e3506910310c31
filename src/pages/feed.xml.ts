/**
 * /feed.xml: every article as an RSS 2.0 item, newest first (undated ones after, in reading order). RSS
 * needs absolute links: they use the site URL (LAYERLENS_SITE_URL), or the local address when none is set
 * (the build warns: src/integrations/site-meta.ts).
 */
import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { rssXml } from '../site/feed.ts';
import { absoluteUrl } from '../site/urls.ts';

type Entry = CollectionEntry<'articles'>;

/** Newest first; undated articles after the dated ones, in the series' reading order. */
function newestFirst(a: Entry, b: Entry): number {
  const byDate = (b.data.date ?? '').localeCompare(a.data.date ?? '');
  return byDate !== 0 ? byDate : a.data.order - b.data.order;
}

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const url = (sitePath: string) => absoluteUrl(site, base, sitePath);
  const articles = (await getCollection('articles')).sort(newestFirst);
  const xml = rssXml(
    {
      title: 'LayerLens',
      description: 'Interactive articles about what a convolutional neural network sees.',
      link: url(''),
      self: url('feed.xml'),
    },
    articles.map((a: Entry) => ({
      title: a.data.title,
      description: a.data.description,
      link: url(`articles/${a.id}/`),
      date: a.data.date,
    })),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
