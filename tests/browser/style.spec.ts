/**
 * Style figures in the reader's browser (fixture article, tiny sizes): the Gram chart drawn with d3, the
 * live Gatys panel (frames, stop, and a re-run of its starting settings that reproduces the build), fast
 * style following the reader's photo with the precomputed pixels back for the article's own photo, the
 * picker, and the Gatys grids waiting for the reader to ask.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { compareImages, dropPhoto, photoOutcome } from './page-helpers.ts';

const STYLE = '/articles/style/?backend=wasm';

async function src(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().getAttribute('src'))!;
}

test('every style figure is a real image with its recipe; deeper layers wait for the full VGG19', async ({ page }) => {
  await page.goto(STYLE);
  for (const kind of ['gram', 'style-grid', 'style-sweep', 'gatys', 'fast-style']) {
    const image = page.locator(`figure[data-figure="${kind}"] img.ll-atlas`).first();
    await image.evaluate((img: HTMLImageElement) => (img.loading = 'eager')); // lazy images load only near the viewport
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: kind })
      .toBeGreaterThan(0);
  }
  const grid = page.locator('figure[data-figure="style-grid"]');
  await expect(grid.locator('.ll-recipe')).toContainText('5000 iterations: GPU profile only');
  await expect(grid.locator('.ll-style-columns li')).toHaveText(['2 iterations', '5 iterations']);
  await expect(grid.locator('.ll-style-rows li')).toHaveText(['conv1_1', 'conv1_1 + conv2_1']);
  await expect(page.locator('.ll-not-fetched')).toContainText('npm run models -- vgg19');
});

test('the Gram matrix is drawn with d3 and reads out a hovered cell', async ({ page }) => {
  await page.goto(STYLE);
  const figure = page.locator('figure[data-figure="gram"]');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.ll-gram-chart svg rect')).toHaveCount(2 * 8 * 8);
  await figure
    .locator('.ll-gram-chart svg rect')
    .nth(8 + 3)
    .hover();
  await expect(figure.locator('.ll-gram-readout')).toHaveText(/^channels 1 × 3: photo [\d.e+-]+, painting [\d.e+-]+$/);
});

test('the Gatys panel streams frames, stops on request, and its starting settings reproduce the build', async ({
  page,
}) => {
  await page.goto(STYLE);
  const figure = page.locator('figure[data-figure="gatys"]');
  const form = figure.locator('.ll-gatys-form');
  await expect(form).toBeVisible();
  const precomputed = await src(page, 'figure[data-figure="gatys"] img');
  await form.locator('.ll-gatys-run').click();
  await expect(figure).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(figure.locator('.ll-state')).toHaveText(/Ran live on wasm in [\d.]+ s for the article's photo/);
  const live = await src(page, 'figure[data-figure="gatys"] img');
  const { sizeA, sizeB, worst } = await compareImages(page, live, precomputed);
  expect(sizeA).toEqual(sizeB);
  expect(worst).toBeLessThanOrEqual(2);
  test.info().annotations.push({ type: 'Gatys parity', description: `worst ${worst}/255` });

  await form.locator('input[name="iterations"]').fill('5000');
  await form.locator('input[value="block3_conv1"]').uncheck();
  await form.locator('.ll-gatys-run').click();
  await expect(form.locator('.ll-gatys-progress')).toContainText('of 5000', { timeout: 60_000 });
  await form.locator('.ll-gatys-stop').click();
  await expect(figure.locator('.ll-state')).toHaveText('Stopped by the reader.');
  // Two layer sets, one load: the page's engine loads VGG19 once, as deep as the panel can go.
  await expect(page.locator('html')).toHaveAttribute('data-model-loads-vgg19', '1');
  // Out-of-range numbers never start a run: the browser's form validation stops the submit.
  await form.locator('input[name="iterations"]').fill('0');
  await form.locator('.ll-gatys-run').click();
  expect(
    await form.locator('input[name="iterations"]').evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow),
  ).toBe(true);
  await expect(form.locator('.ll-gatys-progress')).toHaveText('Stopped; the image shows the last frame.');
});

test("fast style and Gram follow the reader's photo; the article's own photo gives the precomputed pixels back", async ({
  page,
}) => {
  await page.goto(STYLE);
  const fast = page.locator('figure[data-figure="fast-style"]');
  const precomputed = await src(page, 'figure[data-figure="fast-style"] img');
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  expect((await photoOutcome(page)).state).toBe('done');
  await expect(fast).toHaveAttribute('data-state', 'done');
  const same = await compareImages(page, await src(page, 'figure[data-figure="fast-style"] img'), precomputed);
  expect(same.sizeA).toEqual(same.sizeB);
  expect(same.worst).toBeLessThanOrEqual(1);
  test.info().annotations.push({ type: 'fast style parity', description: `worst ${same.worst}/255` });

  // Grids and the panel take minutes on a CPU: they wait for the reader.
  const grid = page.locator('figure[data-figure="style-grid"]').first();
  await expect(grid).toHaveAttribute('data-state', 'ready');
  await expect(grid.locator('.ll-rerun')).toHaveText('Run on your photo');

  await dropPhoto(page, await readFile(photoPath('astronaut.png')), 'astronaut.png', 'image/png');
  expect((await photoOutcome(page)).state).toBe('done');
  const other = await compareImages(page, await src(page, 'figure[data-figure="fast-style"] img'), precomputed);
  expect(other.sizeA).not.toEqual(other.sizeB); // astronaut is square, coffee is not
  await expect(page.locator('figure[data-figure="gram"]')).toHaveAttribute('data-state', 'done');

  await grid.locator('.ll-rerun').click();
  await expect(grid).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(grid.locator('.ll-state')).toHaveText(/Ran live on wasm in [\d.]+ s for astronaut\.png/);
  await expect(grid.locator('.ll-recipe-photo')).toHaveText('astronaut.png');
});

test('the picker stylises the current photo larger', async ({ page }) => {
  await page.goto(STYLE);
  const picker = page.locator('.ll-fast-picker');
  await expect(picker).toBeVisible();
  await picker.locator('select').selectOption('fast-style-udnie');
  await picker.locator('.ll-fast-run').click();
  await expect(picker).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(picker.locator('.ll-fast-status')).toHaveText(/: \d+×\d+ in \d+ ms on wasm\./);
  await expect(picker.locator('img.ll-fast-large')).toBeVisible();
});
