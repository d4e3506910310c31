/**
 * Benchmark in headless Chromium (Debian's): the built site's engine-check page on each backend; the page
 * reports its own timings (median-free: one warm run after one first run, as a reader would see them).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import { serveStatic } from '../static-server.ts';

export interface BrowserTiming {
  /** Backend the page obtained (differs from the one asked for when that one failed). */
  backend: string;
  /** One image after warm-up, milliseconds. */
  ms: number;
  /** First image (shader compilation, wasm start-up), milliseconds. */
  firstMs: number;
}

const PORT = 4391;

export async function benchBrowser(backends: string[]): Promise<Record<string, BrowserTiming | { error: string }>> {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/engine/index.html'))) {
    return Object.fromEntries(backends.map((b) => [b, { error: 'site not built (npm run build first)' }]));
  }
  const server = await serveStatic(path.join(PROJECT_ROOT, 'dist'), PORT);
  const browser = await chromium.launch({
    executablePath: process.env.LAYERLENS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--enable-unsafe-webgpu', '--disable-background-networking'],
  });
  const results: Record<string, BrowserTiming | { error: string }> = {};
  try {
    for (const backend of backends) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/engine/?backend=${backend}&image=chelsea.png&run`);
      const status = page.locator('#engine-status');
      await status.and(page.locator('[data-state="done"], [data-state="error"]')).waitFor({ timeout: 170_000 });
      const data = await status.evaluate((el: HTMLElement) => ({ ...el.dataset, text: el.textContent ?? '' }) as Record<string, string>);
      results[backend] =
        data.state === 'done'
          ? { backend: data.backend!, ms: Number(data.ms), firstMs: Number(data.firstMs) }
          : { error: data.text ?? '' };
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}
