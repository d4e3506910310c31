/** The real site: every page without accessibility violations, and a screenshot of the article for people to look at. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { workDir } from '../../src/node/paths.ts';

test('every page has no serious accessibility violations', async ({ page }) => {
  for (const url of [
    '/',
    '/engine/',
    '/credits/',
    '/reference/',
    '/reference/images/',
    '/reference/models/',
    '/articles/what-each-layer-sees/',
    '/articles/what-filters-dream-of/',
    '/articles/style-layer-by-layer/',
    '/articles/what-the-last-layer-knows/',
    '/articles/where-the-network-looks/',
    '/articles/how-a-convolution-works/',
    '/articles/writing-for-layerlens/',
  ]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

for (const [slug, figures] of [
  ['what-each-layer-sees', 20],
  ['what-filters-dream-of', 9],
  ['style-layer-by-layer', 5],
  ['where-the-network-looks', 12],
  ['what-the-last-layer-knows', 5],
  ['how-a-convolution-works', 15],
  ['writing-for-layerlens', 3],
] as const) {
  test(`${slug} renders every figure; a screenshot is written`, async ({ page }) => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`/articles/${slug}/`);
    // Load and decode every lazy image, then take the whole page.
    await page.$$eval('img[loading=lazy]', (imgs) => imgs.forEach((i) => ((i as HTMLImageElement).loading = 'eager')));
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0), null, {
      timeout: 60_000,
    });
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    expect(await page.locator('figure.ll-figure').count()).toBeGreaterThanOrEqual(figures);
    const file = path.join(workDir(), 'screenshots', `${slug}.png`);
    await page.screenshot({ path: file, fullPage: true });
    test.info().annotations.push({ type: 'screenshot', description: file });
  });
}

test('paintings whose rights are not cleared stay off the site; the others are served', async ({ request }) => {
  for (const file of ['la_muse.jpg', 'rain_princess.jpg'])
    expect((await request.get(`/data/images-styles/${file}`)).status(), file).toBe(404);
  expect((await request.get('/data/images-styles/starrynight.jpg')).status()).toBe(200);
});

test("the image set's licence text is published beside its images", async ({ request }) => {
  const license = await request.get('/data/images-corpus/COPYING.txt');
  expect(license.status()).toBe(200);
  expect(await license.text()).toContain('GNU GENERAL PUBLIC LICENSE');
  expect((await request.get('/data/images-corpus/animals-birds--blackbird.png')).status()).toBe(200);
});
