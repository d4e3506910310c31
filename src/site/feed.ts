/** The RSS 2.0 feed's text (pure: the endpoint gives the articles and their absolute links). */
import { escapeXml } from './sitemap.ts';

export interface FeedItem {
  title: string;
  description: string;
  /** Absolute URL of the article. */
  link: string;
  /** YYYY-MM-DD, when the article has a date. */
  date?: string | undefined;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the home page. */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel="self", which feed validators ask for). */
  self: string;
}

/** RFC 822 date at midnight UTC, as RSS wants ("Wed, 01 May 2024 00:00:00 GMT"). */
export function rfc822(date: string): string {
  return new Date(`${date}T00:00:00Z`).toUTCString();
}

/** An RSS 2.0 document: one item per article, in the order given, pubDate where the article has a date. */
export function rssXml(channel: FeedChannel, items: FeedItem[]): string {
  const item = (i: FeedItem) =>
    [
      '    <item>',
      `      <title>${escapeXml(i.title)}</title>`,
      `      <link>${escapeXml(i.link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(i.link)}</guid>`,
      `      <description>${escapeXml(i.description)}</description>`,
      ...(i.date ? [`      <pubDate>${rfc822(i.date)}</pubDate>`] : []),
      '    </item>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.link)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    '    <language>en</language>',
    `    <atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml" />`,
    ...items.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
