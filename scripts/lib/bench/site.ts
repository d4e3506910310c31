/**
 * The reader's side of the built site in headless Chromium: its quality on every page (site-quality.ts:
 * Lighthouse, axe, bytes, layout shift), how long the page's main thread is held while
 * figures recompute (the longest task a PerformanceObserver sees during article 1's whole recompute for a
 * photo, and during a dream's live re-run), and how many times the style article loads VGG19's weights
 * when a reader gives a photo and re-runs the live panel with two different layer sets.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { packDir } from '../../../src/node/paths.ts';
import { withBrowser } from './browser.ts';
import { benchSiteQuality, type SiteQuality } from './site-quality.ts';

export interface SiteSpeed {
  /** The longest main-thread task, milliseconds, over both measurements below. */
  longestTaskMs: number;
  /** During article 1's recompute of every figure for a reader's photo (wasm). */
  recomputeLongestTaskMs: number;
  /** During a dream's live re-run on article 2 (wasm). */
  rerunLongestTaskMs: number;
  /** VGG19's weights loaded on the style article: a reader's photo, then the live panel with two layer sets. */
  vgg19Loads: number;
}

/** The quality figures always; the speed figures (minutes of recompute) unless `speed` is false. */
export type SiteBench = SiteQuality & Partial<SiteSpeed>;

/** Collects every long task (over 50 ms) into window.llLongTasks, from the page's first script on. */
const OBSERVE_LONG_TASKS = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { llLongTasks: typeof tasks }).llLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { llLongTasks: { start: number; duration: number }[] }).llLongTasks
          .filter((t) => t.start >= from)
          .map((t) => t.duration),
      ),
    since,
  );
}

/**
 * Puts the photo in the page as a File first (building it from the bytes Playwright passes is the
 * harness's work, a long task of its own: it happens before the measurement starts), then drops it.
 */
async function preparePhoto(page: Page, file: string): Promise<void> {
  const bytes = [...(await readFile(file))];
  await page.evaluate(
    ({ data, name }) => {
      (window as unknown as { llPhoto: File }).llPhoto = new File([new Uint8Array(data)], name, { type: 'image/jpeg' });
    },
    { data: bytes, name: path.basename(file) },
  );
}

async function dropPhoto(page: Page): Promise<void> {
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add((window as unknown as { llPhoto: File }).llPhoto);
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
}

async function photoDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => ['done', 'error'].includes(document.querySelector<HTMLElement>('.ll-photo-status')?.dataset.state ?? ''),
    null,
    { timeout: 600_000 },
  );
}

/** Article 1's whole recompute for dog.jpg: the longest main-thread task while it runs. */
async function recomputeLongestTask(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/articles/what-each-layer-sees/?backend=wasm`, { waitUntil: 'networkidle' });
  await preparePhoto(page, path.join(packDir('images-photos'), 'dog.jpg'));
  const since = await page.evaluate(() => performance.now());
  await dropPhoto(page);
  await photoDone(page);
  return longestTaskSince(page, since);
}

/** The first dream of article 2 re-run live: the longest main-thread task while it runs. */
async function rerunLongestTask(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/articles/what-filters-dream-of/?backend=wasm`, { waitUntil: 'networkidle' });
  const figure = page.locator('figure[data-rerun]').first();
  const since = await page.evaluate(() => performance.now());
  await figure.locator('.ll-rerun').click();
  await page.waitForFunction((f) => ['done', 'error'].includes(f!.dataset.state ?? ''), await figure.elementHandle(), {
    timeout: 600_000,
  });
  return longestTaskSince(page, since);
}

/** Loads of VGG19's first weight file (every load reads it) on the style article. */
async function vgg19Loads(page: Page, origin: string): Promise<number> {
  let loads = 0;
  page.on('request', (request) => {
    if (request.url().includes('/data/vgg19/group1-shard1of1')) loads++;
  });
  await page.goto(`${origin}/articles/style-layer-by-layer/?backend=wasm`, { waitUntil: 'networkidle' });
  await preparePhoto(page, path.join(packDir('images-photos'), 'dog.jpg'));
  await dropPhoto(page);
  await photoDone(page);
  const form = page.locator('.ll-gatys-form').first();
  await form.locator('input[name="iterations"]').fill('2');
  for (const uncheck of [null, 'block1_conv1']) {
    if (uncheck) await form.locator(`input[name="styleLayer"][value="${uncheck}"]`).uncheck();
    // A state no run sets, so the wait below cannot see the previous run's "done".
    await form.evaluate((f) => (f.closest<HTMLElement>('.ll-figure')!.dataset.state = 'bench'));
    await form.locator('.ll-gatys-run').click();
    await page.waitForFunction(
      (f) => ['done', 'error'].includes(f!.closest<HTMLElement>('.ll-figure')!.dataset.state ?? ''),
      await form.elementHandle(),
      { timeout: 600_000 },
    );
  }
  const counted = await page.evaluate(() => Number(document.documentElement.dataset.modelLoadsVgg19 ?? -1));
  return counted >= 0 ? counted : loads;
}

export async function benchSite(speed: boolean, log: (line: string) => void): Promise<SiteBench> {
  const quality = await benchSiteQuality(log);
  return speed ? { ...(await benchSiteSpeed()), ...quality } : quality;
}

async function benchSiteSpeed(): Promise<SiteSpeed> {
  return withBrowser(async (browser, origin) => {
    const context = await browser.newContext();
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    const recomputeLongestTaskMs = await recomputeLongestTask(page, origin);
    const rerunLongestTaskMs = await rerunLongestTask(page, origin);
    const loads = await vgg19Loads(await context.newPage(), origin);
    await context.close();
    return {
      longestTaskMs: Math.max(recomputeLongestTaskMs, rerunLongestTaskMs),
      recomputeLongestTaskMs,
      rerunLongestTaskMs,
      vgg19Loads: loads,
    };
  });
}
