/**
 * What a reader's browser fetches before any interaction: every document, stylesheet and script a page
 * loads until the network is idle, each gzipped (level 9, as a static host would serve it), summed.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { withBrowser } from './browser.ts';

export interface PageWeight {
  /** HTML + CSS + JS fetched before any interaction, each gzipped, summed. */
  articleBytesGzip: number;
  /** The same, uncompressed. */
  articleBytes: number;
  /** What was counted. */
  files: number;
}

/** One page's weight before interaction, in a fresh page of `browser`. */
export async function pageWeight(browser: Browser, origin: string, pagePath: string): Promise<PageWeight> {
  const page = await browser.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (['document', 'stylesheet', 'script'].includes(response.request().resourceType())) bodies.push(response.body());
  });
  await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle' });
  const files = await Promise.all(bodies);
  await page.close();
  return {
    articleBytesGzip: files.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    articleBytes: files.reduce((sum, body) => sum + body.length, 0),
    files: files.length,
  };
}

/** The article page's weight before interaction, on the built site. */
export function benchPageWeight(articlePath: string): Promise<PageWeight> {
  return withBrowser((browser, origin) => pageWeight(browser, origin, articlePath));
}
