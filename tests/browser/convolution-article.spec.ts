/**
 * Article 0, "How a convolution works", on the real site: the lecture's worked examples as the page states
 * them without JavaScript, the same numbers after a reader changes the inputs by keyboard, and a reader's
 * photo recomputing the figures that read the photo (the filter, the kernels, the operations, both overviews).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome, visibleSlot } from './page-helpers.ts';

const PAGE = '/articles/how-a-convolution-works/';

async function setInput(page: Page, figure: Locator, label: RegExp, value: string): Promise<void> {
  const input = figure.getByLabel(label);
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

test("without JavaScript the article states the lecture's examples", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  await expect(page.locator('figure.ll-figure')).toHaveCount(15);
  await expect(page.locator('#one-filter .ll-arith-volume')).toContainText('28×28×1');
  await expect(page.locator('#six-filters .ll-arith-volume')).toContainText('28×28×6');
  await expect(visibleSlot(page.locator('#six-filters'), 'params')).toHaveText('456');
  const noFit = page.locator('#does-not-fit');
  await expect(visibleSlot(noFit, 'w-exact')).toHaveText('2.33');
  await expect(noFit.locator('.ll-arith-nofit')).toContainText('The filter does not fit');
  await expect(visibleSlot(noFit, 'valid-volume')).toHaveText('2 × 2 × 1');
  await expect(visibleSlot(noFit, 'same-volume')).toHaveText('3 × 3 × 1');
  await expect(page.locator('#padded .ll-arith-volume')).toContainText('32×32×10');
  await expect(visibleSlot(page.locator('#padded'), 'params')).toHaveText('760');
  await expect(page.locator('#one-by-one .ll-arith-volume')).toContainText('56×56×32');
  await expect(page.locator('#pool .ll-arith-volume')).toContainText('112×112×64');
  await expect(visibleSlot(page.locator('#fully-connected'), 'params')).toHaveText('16,910');
  // Every image figure reads without JavaScript.
  for (const image of await page.locator('figure.ll-figure img').filter({ visible: true }).all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  }
  await context.close();
});

test('the stride-3 example, typed by a reader: 5 at stride 1, 3 at stride 2, does not fit at stride 3', async ({
  page,
}) => {
  await page.goto(PAGE);
  const figure = page.locator('#does-not-fit');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.ll-arith-controls')).toBeVisible({ timeout: 30_000 });
  await setInput(page, figure, /Stride/, '1');
  await expect(figure.locator('.ll-arith-volume')).toContainText('5×5×1');
  await setInput(page, figure, /Stride/, '2');
  await expect(figure.locator('.ll-arith-volume')).toContainText('3×3×1');
  await setInput(page, figure, /Stride/, '3');
  await expect(figure.locator('.ll-arith-nofit')).toContainText('The filter does not fit');
});

test("a reader's photo recomputes every figure that reads the photo", async ({ page }) => {
  await page.goto(PAGE);
  const following = ['real-filter', 'hand-made', 'leaky-relu', 'max-pool', 'softmax', 'tiny-vgg', 'tiny-darknet'];
  const before = await page.locator('#softmax').innerText();
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({ state: 'done' });
  for (const name of following) await expect(page.locator(`#${name}`), name).toHaveAttribute('data-state', 'done');
  expect(await page.locator('#softmax').innerText()).not.toBe(before);
  // The arithmetic reads no photo: untouched.
  await expect(page.locator('#one-filter')).not.toHaveAttribute('data-state', 'done');
});
