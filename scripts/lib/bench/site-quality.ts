/**
 * The built site's quality on every page: Lighthouse's four scores (mobile), the worst layout shift, axe's
 * violations in light and in dark, and the heaviest article before interaction. The pages are listed from
 * dist/, so a page added later is measured without editing this file.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import { axeViolations, builtPages, readThrough } from '../site-pages.ts';
import { withBrowser } from './browser.ts';
import { freePort, lighthousePage, type LighthouseScores } from './lighthouse.ts';
import { pageWeight } from './page-weight.ts';

export interface SiteQuality {
  /** Lighthouse's scores (0-100, mobile preset) per page path. */
  lighthouse: Record<string, LighthouseScores>;
  /** What kept a page from 100 or from no layout shift (failing audits, the elements that shifted). */
  lighthouseProblems: Record<string, string[]>;
  /** The worst page's cumulative layout shift, and its path. */
  cls: number;
  clsPage: string;
  /** Each page's cumulative layout shift, where it is not 0. */
  clsPerPage: Record<string, number>;
  /** axe's violations (rules failed) summed over every page, once in light and once in dark. */
  axeViolations: number;
  /** Each violation, "page scheme rule (impact): nodes". */
  axeDetails: string[];
  /** The heaviest article's HTML, CSS and JavaScript before interaction, gzipped, and its path. */
  articleBytesGzip: number;
  articleBytesGzipPage: string;
}

/**
 * The engine's benchmark harnesses (/engine/attribution/ and the like) time code for `npm run bench`; no
 * page links them, so Lighthouse skips them. The reader's engine check (/engine/) is measured.
 */
const isHarness = (page: string): boolean => /^\/engine\/[^/]+\//.test(page);

async function axeEverywhere(browser: Browser, origin: string, pages: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const pagePath of pages) {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${origin}${pagePath}?backend=wasm`);
    await readThrough(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      found.push(...(await axeViolations(page)).map((v) => `${pagePath} ${scheme} ${v}`));
    }
    await context.close();
  }
  return found;
}

/** Every page of `dist` (the built main site unless told otherwise, such as a copy built before a change). */
export async function benchSiteQuality(
  log: (line: string) => void,
  dist = path.join(PROJECT_ROOT, 'dist'),
): Promise<SiteQuality> {
  const pages = builtPages(dist);
  const port = await freePort();
  return withBrowser(
    async (browser, origin) => {
      const lighthouse: Record<string, LighthouseScores> = {};
      const lighthouseProblems: Record<string, string[]> = {};
      const clsPerPage: Record<string, number> = {};
      for (const page of pages.filter((p) => !isHarness(p))) {
        log(`  lighthouse ${page}`);
        const result = await lighthousePage(`${origin}${page}`, port);
        lighthouse[page] = result.scores;
        if (result.problems.length) lighthouseProblems[page] = result.problems;
        if (result.cls > 0) clsPerPage[page] = Number(result.cls.toFixed(4));
        const { performance, accessibility, bestPractices, seo } = result.scores;
        log(
          `    ${performance} ${accessibility} ${bestPractices} ${seo}, CLS ${result.cls.toFixed(4)}; ${result.problems.join('; ')}`,
        );
      }
      const [clsPage, cls] = Object.entries(clsPerPage).sort((a, b) => b[1] - a[1])[0] ?? [pages[0]!, 0];
      log(`  axe on ${pages.length} pages, light and dark`);
      const axeDetails = await axeEverywhere(browser, origin, pages);
      const weights = [];
      for (const page of pages.filter((p) => p.startsWith('/articles/'))) {
        weights.push({ page, bytes: (await pageWeight(browser, origin, page)).articleBytesGzip });
      }
      const heaviest = weights.sort((a, b) => b.bytes - a.bytes)[0] ?? { page: '', bytes: 0 };
      return {
        lighthouse,
        lighthouseProblems,
        cls,
        clsPage,
        clsPerPage,
        axeViolations: axeDetails.length,
        axeDetails,
        articleBytesGzip: heaviest.bytes,
        articleBytesGzipPage: heaviest.page,
      };
    },
    dist,
    [`--remote-debugging-port=${port}`],
  );
}

/** Readable lines: one per page with its four scores, then the totals and what failed. */
export function printSiteQuality(q: SiteQuality): string[] {
  const pad = Math.max(...Object.keys(q.lighthouse).map((p) => p.length));
  return [
    `  Lighthouse (mobile): performance, accessibility, best practices, SEO; layout shift`,
    ...Object.entries(q.lighthouse).map(
      ([page, s]) =>
        `  ${page.padEnd(pad)}  ${s.performance} ${s.accessibility} ${s.bestPractices} ${s.seo}  CLS ${q.clsPerPage[page] ?? 0}`,
    ),
    `  worst layout shift ${q.cls} (${q.clsPage}); axe violations ${q.axeViolations} (light and dark)`,
    `  heaviest article before interaction ${(q.articleBytesGzip / 1024).toFixed(1)} KiB gzipped (${q.articleBytesGzipPage})`,
    ...Object.entries(q.lighthouseProblems).map(([page, list]) => `  ${page}: ${list.join('; ')}`),
    ...q.axeDetails.map((line) => `  axe ${line}`),
  ];
}
