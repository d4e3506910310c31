/**
 * Citable figures, phones, print and reduced motion on the fixture site: a figure's number is a permalink
 * that lands it below the sticky photo control; its PNG download is the figure's image (the live one once a
 * reader's photo is in); a chart's SVG download parses and holds its marks; print hides the controls, black
 * on white in a dark OS; with reduced motion the sweep stands still until the reader presses Play; and no
 * page of the site scrolls sideways at 360 px.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { ARTICLE, dropPhoto, photoOutcome } from './page-helpers.ts';

/** A PNG's bytes, checked for the signature, with the size its IHDR chunk says. */
function pngSize(bytes: Buffer): [number, number] {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function download(page: Page, control: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { file, bytes: await readFile((await file.path())!) };
}

test('a figure links to itself and downloads as PNG, the live one after a photo; print; reduced motion', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
  await page.goto(ARTICLE);
  const grid = page.locator('figure[data-figure="feature-maps"]').first();
  const id = (await grid.getAttribute('id'))!;

  // The number is the permalink, and the figure lands below the sticky photo control.
  await grid.locator('a.ll-figure-number').click();
  expect(new URL(page.url()).hash).toBe(`#${id}`);
  const [figureTop, controlBottom] = await page.evaluate(
    (figureId) => [
      document.getElementById(figureId)!.getBoundingClientRect().top,
      document.querySelector('.ll-photo')!.getBoundingClientRect().bottom,
    ],
    id,
  );
  expect(figureTop).toBeGreaterThanOrEqual(controlBottom);
  await expect(grid.getByRole('button', { name: /^Copy link to Figure \d+$/ })).toBeVisible();

  // The precomputed PNG, named after the article and the figure, the size the image shows.
  const image = grid.locator('img.ll-figure-image');
  const size = [Number(await image.getAttribute('width')), Number(await image.getAttribute('height'))];
  const png = grid.getByRole('link', { name: /^Download PNG of Figure \d+$/ });
  const precomputed = await download(page, png);
  expect(precomputed.file.suggestedFilename()).toBe(`fixture-${id}.png`);
  expect(pngSize(precomputed.bytes)).toEqual(size);

  // Reduced motion: the sweep stands still by itself, and plays when the reader asks.
  const sweep = page.locator('figure[data-figure="channel-sweep"]');
  await sweep.scrollIntoViewIfNeeded();
  const label = sweep.locator('.ll-sweep-label');
  await expect(label).toHaveText('channel 0 of 4');
  await expect(sweep.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.waitForTimeout(800); // three frames at its 4 per second
  await expect(label).toHaveText('channel 0 of 4');
  await sweep.getByRole('button', { name: 'Play' }).click();
  await expect(label).not.toHaveText('channel 0 of 4');

  // Print, from a dark OS: no controls, black on white.
  await page.emulateMedia({ media: 'print' });
  for (const control of ['.ll-photo', '#ll-theme', '.ll-figure-tools', '.ll-sweep-toggle'])
    await expect(page.locator(control).first()).toBeHidden();
  const colours = await page.evaluate(() => [
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.body).color,
  ]);
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  await page.emulateMedia({ media: 'screen' });

  // A reader's photo: the download is the figure as it shows now, not the precomputed file.
  await dropPhoto(page, await readFile(photoPath('dog.jpg')), 'dog.jpg', 'image/jpeg');
  expect((await photoOutcome(page)).state).toBe('done');
  await expect(image).toHaveAttribute('src', /^blob:/);
  const live = await download(page, png);
  expect(live.file.suggestedFilename()).toBe(`fixture-${id}.png`);
  expect(pngSize(live.bytes)).toEqual(size);
  expect(live.bytes.equals(precomputed.bytes)).toBe(false);
});

test("a chart's SVG download parses on its own and holds the chart's marks", async ({ page }) => {
  await page.goto('/articles/arithmetic/');
  const figure = page.locator('figure#seven');
  const marks = await figure.locator('svg.ll-arith-svg rect').count();
  expect(marks).toBeGreaterThan(0);
  const svg = await download(page, figure.getByRole('button', { name: /^Download SVG of Figure \d+$/ }));
  expect(svg.file.suggestedFilename()).toBe('arithmetic-seven.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).not.toContain('var(--');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      rects: root.querySelectorAll('svg svg rect').length,
      // Colours come with the file: some mark is filled with a colour of its own, not inherited CSS.
      styled: [...root.querySelectorAll('rect')].some((r) => /fill:rgb/.test(r.getAttribute('style') ?? '')),
    };
  }, text);
  expect(parsed).toMatchObject({ error: null, root: 'svg', rects: marks, styled: true });
  expect(parsed.width).toBeGreaterThan(100);
});

/** Every page the fixture site built (every index.html under dist), as paths, and its 404 page. */
function sitePages(): string[] {
  const pages = readdirSync('tests/fixtures/basic/dist', { recursive: true, encoding: 'utf8' })
    .filter((f) => path.basename(f) === 'index.html')
    .map((f) => `/${path.dirname(f)}/`.replace(/^\/\.\/$/, '/'));
  return [...pages, '/no-such-page/'];
}

test('no page scrolls sideways on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const wide: string[] = [];
  const pages = sitePages();
  expect(pages.length).toBeGreaterThan(10);
  for (const url of pages) {
    await page.goto(url);
    // Down the page once, so that figures drawn when they come into view are drawn.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 700) await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(200);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${url}: ${width} px`);
  }
  expect(wide).toEqual([]);
});
