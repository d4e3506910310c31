/**
 * Image-set figures in the reader's browser (fixture article): the neighbours, the map and the top patches
 * as images with their text; the interactive map built from the shipped index; a reader's photo moves the
 * point on the map, changes the neighbours and re-ranks the patches; and the article's own photo
 * recomputed gives the precomputed figures back.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, expectOwnPhotoParity, photoOutcome } from './page-helpers.ts';

const PAGE = '/articles/last-layer/?backend=wasm';

test('the three figures read as images and text; the map becomes interactive', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page.locator('figure.ll-figure')).toHaveCount(3);
  const neighbours = page.locator('figure[data-figure="neighbours"] .ll-set-text ol');
  await expect(neighbours).toHaveCount(2); // feature space and pixel space
  await expect(neighbours.first().locator('li')).toHaveCount(4);
  await expect(page.locator('figure[data-figure="top-patches"] .ll-tp-rows li')).toHaveCount(2);
  await expect(page.locator('figure[data-figure="top-patches"] .ll-tp-rows li').first()).toContainText(
    /rank \d+ of 275/,
  );
  const map = page.locator('figure[data-figure="embedding-map"]');
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveClass(/ll-map-awake/, { timeout: 30_000 });
  await expect(map.locator('.ll-map')).toHaveCount(2); // PCA and UMAP
  await expect(map.locator('.ll-map').first().locator('[role="img"], svg').first()).toBeVisible();
});

test("a reader's photo moves its point, changes its neighbours and re-ranks the patches", async ({ page }) => {
  await page.goto(PAGE);
  const map = page.locator('figure[data-figure="embedding-map"]');
  await map.scrollIntoViewIfNeeded();
  await expect(map).toHaveClass(/ll-map-awake/, { timeout: 30_000 });
  const text = () => page.locator('figure[data-figure="neighbours"] .ll-set-text').innerText();
  const ranks = () => page.locator('figure[data-figure="top-patches"] .ll-set-text').innerText();
  const mapText = () => map.locator('.ll-set-text').innerText();
  const [before, ranksBefore, mapBefore] = [await text(), await ranks(), await mapText()];
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({ state: 'done' });
  for (const kind of ['neighbours', 'embedding-map', 'top-patches'])
    await expect(page.locator(`figure[data-figure="${kind}"]`), kind).toHaveAttribute('data-state', 'done');
  expect(await text()).not.toBe(before);
  expect(await ranks()).not.toBe(ranksBefore);
  expect(await mapText()).not.toBe(mapBefore);
  await expect(page.locator('figure[data-figure="top-patches"] .ll-tp-rows li').first()).toContainText(/your photo/);
  await page.locator('.ll-photo-reset').click();
  await expect.poll(text).toBe(before);
});

test("recomputing the article's own photo gives the precomputed images back", async ({ page }) => {
  await page.goto(PAGE);
  // Same engine, same pixels in: the set's PNGs are decoded exactly (not through a premultiplying canvas),
  // so the corpus patches' gradients match too (measured: identical, 0 values differ in all three).
  const compared = await expectOwnPhotoParity(page, 'figure[data-follows] img.ll-figure-image', {
    worst: 2,
    share: 0.001,
  });
  expect(compared).toBe(3);
});
