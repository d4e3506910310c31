/**
 * The network overview in the reader's browser (fixture article): without JavaScript an image and the
 * probabilities; with it, a named button over every map whose focus outlines what the map reads and whose
 * Enter opens its computation with the numbers; sample presets and a reader's photo recompute it live; no
 * map under 24 px on a 360 px wide screen.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome } from './page-helpers.ts';

const PAGE = '/articles/overview/?backend=wasm';

const probabilities = (figure: Locator) => figure.locator('.ll-overview-class').allInnerTexts();
/** The class with the highest probability, as the figure shows it. */
async function topClass(figure: Locator): Promise<string> {
  const rows = await figure.locator('.ll-overview-class').evaluateAll((buttons) =>
    buttons.map((b) => ({
      label: b.querySelector('.ll-overview-label')!.textContent!,
      p: parseFloat(b.querySelector('.ll-overview-prob')!.textContent!),
    })),
  );
  return rows.reduce((a, b) => (b.p > a.p ? b : a)).label;
}

test('without JavaScript: the precomputed image and the probabilities', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.locator('figure[data-figure="network-overview"]')).toHaveCount(3);
  const koala = page.locator('#vgg-koala');
  const image = koala.locator('img.ll-overview-image');
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(300);
  expect(await image.getAttribute('alt')).toContain('conv_2_2');
  await expect(koala.locator('.ll-overview-hot').first()).toBeHidden();
  await expect(koala.locator('.ll-overview-class')).toHaveCount(10);
  expect(await topClass(koala)).toBe('koala');
  await context.close();
});

test('every map is a named button: focus outlines what it reads, Enter opens its computation', async ({ page }) => {
  await page.goto(PAGE);
  const koala = page.locator('#vgg-koala');
  await expect(koala.locator('.ll-overview-hot')).toHaveCount(3 + 6 * 10);
  const conv = koala.getByRole('button', { name: 'conv_1_2, channel 3 (60×60)' });
  await conv.focus();
  // conv_1_2 reads every map of conv_1_1, column 1.
  await expect(koala.locator('.ll-overview-hot.ll-reads')).toHaveCount(10);
  expect(
    await koala.locator('.ll-reads').evaluateAll((b) => b.map((e) => e.getAttribute('data-key')!.split(':')[0])),
  ).toEqual(Array(10).fill('1'));
  await page.keyboard.press('Enter');
  const panel = koala.locator('.ll-overview-panel');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await expect(conv).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.locator('h3')).toContainText('10 channels of conv_1_1');
  await expect(panel.locator('table.ll-overview-kernel')).toHaveCount(10);
  await expect(panel.locator('table.ll-overview-kernel').first().locator('td')).toHaveCount(9);
  await expect(panel.locator('table.ll-overview-kernel td').first()).toHaveText(/^-?\d+\.\d{3}$/);
  await expect(panel).toContainText(/\+ bias -?\d+\.\d{4} =/);
  await expect(panel.locator('canvas[role="img"]')).toHaveCount(10 * 2 + 3);

  const pool = koala.getByRole('button', { name: 'max_pool_1, channel 2 (30×30)' });
  await pool.focus();
  await expect(koala.locator('.ll-overview-hot.ll-reads')).toHaveCount(1);
  await expect(koala.locator('.ll-overview-hot.ll-reads')).toHaveAttribute('data-key', '2:2');
  await page.keyboard.press('Enter');
  await expect(panel.locator('h3')).toContainText('largest value of each 2×2 window');
  await expect(panel).toContainText(/→ max \d+\.\d{4}/);

  await koala.getByRole('button', { name: /^koala \d/ }).click();
  await expect(koala.locator('.ll-overview-hot.ll-reads')).toHaveCount(10);
  await expect(panel.locator('table.ll-overview-softmax tbody tr')).toHaveCount(10);
  await expect(panel.locator('table.ll-overview-softmax tfoot')).toContainText('1.0000');
  await expect(panel.locator('tbody tr[aria-current="true"]')).toContainText('koala');
});

test('a sample preset recomputes the whole overview in the page', async ({ page }) => {
  await page.goto(PAGE);
  const koala = page.locator('#vgg-koala');
  const before = await probabilities(koala);
  const imageBefore = await koala.locator('img.ll-overview-image').getAttribute('src');
  const pizza = koala.getByRole('button', { name: 'pizza_1' });
  await pizza.click();
  await expect(koala).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(pizza).toHaveAttribute('aria-pressed', 'true');
  expect(await probabilities(koala)).not.toEqual(before);
  expect(await topClass(koala)).toBe('pizza');
  expect(await koala.locator('img.ll-overview-image').getAttribute('src')).not.toBe(imageBefore);
  await expect(koala.locator('.ll-state')).toContainText(/pizza_1\.jpeg on wasm in \d+ ms/);
});

test("a reader's photo recomputes the overview that follows it, not the pinned one", async ({ page }) => {
  await page.goto(PAGE);
  const photo = page.locator('#vgg-photo');
  const before = await probabilities(photo);
  const pinned = await probabilities(page.locator('#vgg-koala'));
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({ state: 'done' });
  await expect(photo).toHaveAttribute('data-state', 'done');
  await expect(page.locator('#darknet-span')).toHaveAttribute('data-state', 'done');
  expect(await probabilities(photo)).not.toEqual(before);
  expect(await probabilities(page.locator('#vgg-koala'))).toEqual(pinned);
  // A sample picked afterwards runs on the sample, not on the reader's photo.
  await photo.getByRole('button', { name: 'bus_1' }).click();
  await expect(photo.locator('.ll-state')).toContainText('bus_1.jpeg', { timeout: 60_000 });
  expect(await topClass(photo)).toBe('school bus');
});

test('a paged run shows the next channels of every layer, its buttons relabelled', async ({ page }) => {
  await page.goto(PAGE);
  const span = page.locator('#darknet-span');
  await expect(span.getByRole('button', { name: 'conv2d_12, channel 3 (14×14)' })).toBeVisible();
  await span.getByRole('button', { name: 'Next channels' }).click();
  await expect(span).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(span.locator('.ll-overview-page-note')).toHaveText('Page 2');
  const conv = span.getByRole('button', { name: 'conv2d_12, channel 7 (14×14)' });
  await expect(conv).toBeVisible();
  await expect(span.getByRole('button', { name: 'conv2d_12, channel 3 (14×14)' })).toHaveCount(0);
  await conv.click();
  await expect(span.locator('.ll-overview-panel h3')).toContainText('64 channels of conv2d_11');
  await expect(span.locator('.ll-overview-panel')).toContainText('leaky ReLU (slope 0.1)');
});

test('the overview page has no serious accessibility violations', async ({ page }) => {
  await page.goto(PAGE);
  const koala = page.locator('#vgg-koala');
  await koala.getByRole('button', { name: 'conv_2_1, channel 0 (28×28)' }).click();
  await expect(koala.locator('.ll-overview-panel')).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
});

test('on a 360 px wide screen no map is under 24 px, and the page does not widen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(PAGE);
  for (const id of ['#vgg-koala', '#darknet-span']) {
    await expect(page.locator(`${id} .ll-overview-hot`).first()).toBeVisible();
    const sizes = await page
      .locator(`${id} .ll-overview-hot`)
      .evaluateAll((buttons) =>
        buttons.map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height)),
      );
    expect(sizes.length, id).toBeGreaterThan(0);
    expect(Math.min(...sizes), id).toBeGreaterThanOrEqual(24);
  }
  // The Darknet run (96 px maps) is wider than the screen: it scrolls inside the figure instead.
  const scroll = page.locator('#darknet-span .ll-overview-scroll');
  expect(await scroll.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await context.close();
});
