/**
 * The pages of a built site and how to read one as a reader would, shared by the site benchmark and the
 * browser tests (axe on every page), so that both see the same pages in the same state.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Every HTML page of a built site as the path a browser asks for ("/", "/articles/x/", "/404.html"),
 * sorted. Listed from the files rather than named, so that a page added later is covered automatically.
 */
export function builtPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/** Scrolls to the end and back, so that lazy images load and every live kind wakes its controls. */
export async function readThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Every image the scroll asked for has arrived (or failed) before anything is measured; a lazy image in
  // a closed or hidden part of the page is never asked for.
  // On a loaded machine an image may take longer: what has loaded by then is measured rather than nothing.
  await page
    .waitForFunction(() => [...document.images].every((img) => img.complete || !img.checkVisibility()), null, {
      timeout: 30_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(200);
}

/** Relative luminance (0 black to 1 white) of the page's background, as the browser resolved it. */
export function paperLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement)
      .backgroundColor.match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

/**
 * Every axe violation on the page as it stands, whatever its impact, as "rule (impact): the nodes'
 * selectors". The page must come from browser.newContext() (axe opens a page of its own to finish).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
