/**
 * The fixture article as a reader meets it: every figure is an image without JavaScript, no tfjs before
 * interaction, the lightbox, the channel sweep (axe.spec.ts checks every page for accessibility).
 */
import { expect, test } from '@playwright/test';
import { ARTICLE } from './page-helpers.ts';

test('with JavaScript disabled every figure is a real image or table', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const figures = page.locator('figure.ll-figure');
  await expect(figures).toHaveCount(8);
  const images = await page.$$eval('figure.ll-figure img', (imgs) =>
    imgs.map((i) => (i as HTMLImageElement).getAttribute('src')!),
  );
  expect(images).toHaveLength(6);
  for (const src of images) {
    const response = await page.request.get(src);
    expect(response.status(), src).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
  }
  await expect(page.locator('figure[data-figure="top-k"] tbody tr')).toHaveCount(3);
  await expect(page.locator('figure[data-figure="architecture"] tbody tr')).toHaveCount(12);
  await expect(page.locator('.ll-not-fetched')).toContainText('npm run models -- vgg19');
  await expect(page.locator('#ll-photo')).toBeHidden();
  await context.close();
});

test('before any interaction the page loads no tfjs and little script', async ({ page }) => {
  const scripts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.wasm')) {
      scripts.push({ url: response.url(), bytes: (await response.body()).length });
    }
  });
  await page.goto(ARTICLE, { waitUntil: 'networkidle' });
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /recompute|browser-engine|\.wasm/.test(s.url))).toEqual([]);
  const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
  // 21.6 kB uncompressed since issue 16 added the table of contents, the figures' links and downloads and the
  // remembered photo (about 7 kB gzipped); the engine itself must never be in it.
  expect(total, scripts.map((s) => `${s.url} ${s.bytes}`).join('\n')).toBeLessThan(24_000);
  expect(await page.evaluate(() => 'tf' in window || document.documentElement.dataset.tensors !== undefined)).toBe(
    false,
  );
});

test('a click on a feature map opens that channel full size with its value range', async ({ page }) => {
  await page.goto(ARTICLE);
  const grid = page.locator('#fm-tiny-darknet-conv2d_1 img');
  await grid.scrollIntoViewIfNeeded();
  const box = (await grid.boundingBox())!;
  await grid.click({ position: { x: box.width * 0.3, y: box.height * 0.75 } }); // second row, second column
  const dialog = page.locator('#ll-lightbox');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.ll-lightbox-caption')).toHaveText(
    /^conv2d_1 5 · 224×224 · values from -?[\d.e+-]+ \(dark\) to [\d.e+-]+ \(bright\)$/,
  );
  const canvas = await dialog.locator('canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
  expect(canvas).toEqual([448, 448]);
});

test('the sweep steps through its channels and can be paused', async ({ page }) => {
  await page.goto(ARTICLE);
  const label = page.locator('.ll-sweep-label');
  await expect(label).toHaveText(/channel [0-3] of 4/);
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    seen.add((await label.textContent())!);
    await page.waitForTimeout(150);
  }
  expect(seen.size).toBeGreaterThan(1);
  await page.locator('.ll-sweep-toggle').click();
  const paused = await label.textContent();
  await page.waitForTimeout(600);
  await expect(label).toHaveText(paused!);
});
