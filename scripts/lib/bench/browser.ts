/**
 * Benchmark in headless Chromium (Debian's): the built site's engine-check page on each backend; the page
 * reports its own timings (median-free: one warm run after one first run, as a reader would see them).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import { serveStatic } from '../static-server.ts';

export interface BrowserTiming {
  /** Backend the page obtained (differs from the one asked for when that one failed). */
  backend: string;
  /** One image after warm-up, milliseconds. */
  ms: number;
  /** First image (shader compilation, wasm start-up), milliseconds. */
  firstMs: number;
  /** Feature-visualisation steps per second (80x80), when measured. */
  dreamStepsPerSecond?: number;
  /** Why the feature-visualisation measurement failed, when it did. */
  dreamError?: string;
}

// LAYERLENS_BENCH_PORT: another port, so two checkouts can run benchmarks side by side.
const PORT = Number(process.env.LAYERLENS_BENCH_PORT ?? 4391);

export function siteBuilt(): boolean {
  return existsSync(path.join(PROJECT_ROOT, 'dist/engine/index.html'));
}

/**
 * Runs `work` with the built site (or another, such as the fixture's) served and Chromium started, with
 * `extraArgs` on its command line (a remote-debugging port for Lighthouse).
 */
export async function withBrowser<T>(
  work: (browser: Browser, origin: string) => Promise<T>,
  site = path.join(PROJECT_ROOT, 'dist'),
  extraArgs: string[] = [],
): Promise<T> {
  const server = await serveStatic(site, PORT);
  const browser = await chromium.launch({
    executablePath: process.env.LAYERLENS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--disable-background-networking', ...extraArgs],
  });
  try {
    return await work(browser, `http://127.0.0.1:${PORT}`);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Engine speed per backend in Chromium; with dreamSteps, also feature-visualisation steps per second. */
export async function benchBrowser(
  backends: string[],
  dreamSteps = 0,
): Promise<Record<string, BrowserTiming | { error: string }>> {
  return withBrowser(async (browser, origin) => {
    const results: Record<string, BrowserTiming | { error: string }> = {};
    for (const backend of backends) {
      const page = await browser.newPage();
      await page.goto(
        `${origin}/engine/?backend=${backend}&image=chelsea.png&run${dreamSteps ? `&dream=${dreamSteps}` : ''}`,
      );
      const status = page.locator('#engine-status');
      await status.and(page.locator('[data-state="done"], [data-state="error"]')).waitFor({ timeout: 170_000 });
      const data = await status.evaluate(
        (el: HTMLElement) => ({ ...el.dataset, text: el.textContent ?? '' }) as Record<string, string>,
      );
      results[backend] =
        data.state === 'done'
          ? {
              backend: data.backend!,
              ms: Number(data.ms),
              firstMs: Number(data.firstMs),
              ...(data.dreamStepsPerSecond ? { dreamStepsPerSecond: Number(data.dreamStepsPerSecond) } : {}),
              ...(data.dreamError ? { dreamError: data.dreamError.trim() } : {}),
            }
          : { error: data.text ?? '' };
      await page.close();
    }
    return results;
  });
}
