/**
 * Optimisation figures in the reader's browser: a live re-run of a precomputed dream from its recipe
 * (same seed, same backend as the build) streams frames and ends on the precomputed image; DeepDream
 * follows the reader's photo.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { compareImages, dropPhoto, photoOutcome } from './page-helpers.ts';

const DREAMS = '/articles/dreams/?backend=wasm';

test('a live re-run of a precomputed dream streams frames and reproduces it', async ({ page }) => {
  await page.goto(DREAMS);
  const figure = page.locator('figure[data-figure="dream-gallery"]');
  await expect(figure.locator('.ll-recipe')).toContainText('seed 7');
  await expect(figure.locator('.ll-state')).toContainText('Precomputed at build time on wasm');
  const precomputed = (await figure.locator('img').getAttribute('src'))!;
  await figure.evaluate((f) => {
    const image = f.querySelector('img')!;
    (window as unknown as { frames: number }).frames = 0;
    new MutationObserver(() => ((window as unknown as { frames: number }).frames += 1)).observe(image, {
      attributes: true,
      attributeFilter: ['src'],
    });
  });
  await figure.locator('.ll-rerun').click();
  await expect(figure).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(figure.locator('.ll-state')).toHaveText(/Ran live on wasm in [\d.]+ s from the same recipe \(seed 7\)/);
  expect(await page.evaluate(() => (window as unknown as { frames: number }).frames)).toBeGreaterThan(1);
  const live = (await figure.locator('img').getAttribute('src'))!;
  expect(live.startsWith('blob:')).toBe(true);
  const { sizeA, sizeB, worst, differing } = await compareImages(page, live, precomputed);
  expect(sizeA).toEqual(sizeB);
  expect(worst).toBeLessThanOrEqual(2);
  expect(differing).toBeLessThan(0.01);
  test.info().annotations.push({
    type: 'rerun parity',
    description: `worst ${worst}/255, ${(differing * 100).toFixed(3)}% of values differ`,
  });
});

test("DeepDream recomputes on the reader's photo", async ({ page }) => {
  await page.goto(DREAMS);
  const figure = page.locator('figure[data-figure="deepdream"]');
  const before = (await figure.locator('img').getAttribute('src'))!;
  await dropPhoto(page, await readFile(photoPath('astronaut.png')), 'astronaut.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome.state, outcome.text).toBe('done');
  await expect(figure).toHaveAttribute('data-state', 'done');
  const after = (await figure.locator('img').getAttribute('src'))!;
  const { sizeA, sizeB } = await compareImages(page, after, before);
  expect(sizeA).not.toEqual(sizeB); // astronaut is square, coffee is not
  await expect(figure.locator('.ll-recipe-photo')).toHaveText('astronaut.png');
});
