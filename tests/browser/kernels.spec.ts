/**
 * Hand-made kernels (fixture article "kernels"): without JavaScript the precomputed pictures, the kernel
 * and the learned filter's numbers; a preset and an edited weight recompute the output in the page's
 * engine (and nothing else); a reader's photo recomputes the whole figure with the reader's kernel, and the
 * way back keeps that kernel; no accessibility violations.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, expectOwnPhotoParity, photoOutcome } from './page-helpers.ts';

const PAGE = '/articles/kernels/?backend=wasm';

/** A digest of each third of an image (grey photo, hand-made kernel, learned map), as the browser decodes it. */
function tileDigests(page: Page, src: string): Promise<string[]> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const tile = bitmap.width / 3;
    return [0, 1, 2].map((t) => {
      const { data } = context.getImageData(t * tile, 0, tile, bitmap.height);
      let hash = 2166136261;
      for (const byte of data) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
      return hash.toString(16);
    });
  }, src);
}

/** The output image's source once the figure shows a live result other than `before` (a blob, not the precomputed file). */
async function nextResult(figure: Locator, before: string): Promise<string> {
  const output = figure.locator('img.ll-figure-image');
  const live = async () => {
    const src = (await output.getAttribute('src')) ?? '';
    return src.startsWith('blob:') && src !== before ? src : '';
  };
  await expect.poll(live, { timeout: 120_000 }).not.toBe('');
  await expect(figure).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  return live();
}

test('without JavaScript: the three pictures, the kernel and the learned numbers', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const figure = page.locator('figure[data-figure="kernel-playground"]');
  await expect(figure).toHaveCount(1);
  const images = figure.locator('img.ll-kp-image');
  await expect(images).toHaveCount(3);
  for (const image of await images.all()) {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(3 * 224);
    // Each panel shows its own third: the image is three panels wide.
    const [shown, panel] = await image.evaluate((i) => [i.clientWidth, i.parentElement!.clientWidth]);
    expect(Math.abs(shown! - 3 * panel!)).toBeLessThanOrEqual(1);
  }
  // The disabled fieldset disables every control in it.
  await expect(figure.getByLabel('Preset')).toBeDisabled();
  await expect(figure.getByLabel('row 3, column 3')).toBeDisabled();
  await expect(figure.getByLabel('Preset')).toHaveValue('sobel-y');
  await expect(figure.getByLabel('row 1, column 2')).toHaveValue('-2');
  await expect(figure.locator('.ll-kp-does')).toContainText('Sobel y: bottom row minus top row');
  await expect(figure.locator('.ll-kp-drawing')).toContainText('drawn as |output|');
  await expect(figure.locator('.ll-kernel-table')).toHaveCount(3);
  await expect(figure.locator('.ll-kernel-table td')).toHaveCount(27);
  await expect(figure.locator('.ll-kp-learned')).toContainText('batch norm folded in');
  await context.close();
});

test('a preset and an edited weight recompute the output, and only the output', async ({ page }) => {
  await page.goto(PAGE);
  const figure = page.locator('figure[data-figure="kernel-playground"]');
  const output = figure.locator('img.ll-figure-image');
  await expect(figure.getByLabel('Preset')).toBeEnabled();
  const precomputed = (await output.getAttribute('src'))!;
  const original = await tileDigests(page, precomputed);

  await figure.getByLabel('Preset').selectOption('sobel-x');
  await expect(figure.getByLabel('row 1, column 1')).toHaveValue('-1');
  await expect(figure.getByLabel('row 1, column 3')).toHaveValue('1');
  const sobelX = await nextResult(figure, precomputed);
  const afterPreset = await tileDigests(page, sobelX);
  expect(afterPreset[1]).not.toBe(original[1]);
  expect([afterPreset[0], afterPreset[2]]).toEqual([original[0], original[2]]);
  await expect(figure.locator('.ll-kp-does')).toContainText('Sobel x: right column minus left column');
  // The other panels show the same (new) image, each its own third.
  for (const image of await figure.locator('img.ll-kp-image').all()) await expect(image).toHaveAttribute('src', sobelX);

  // From the keyboard: the centre weight from 0 to 4 (a zero-sum kernel no more).
  const centre = figure.getByLabel('row 2, column 2');
  await centre.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('4');
  const edited = await nextResult(figure, sobelX);
  const afterEdit = await tileDigests(page, edited);
  expect(afterEdit[1]).not.toBe(afterPreset[1]);
  expect(afterEdit[1]).not.toBe(original[1]);
  expect([afterEdit[0], afterEdit[2]]).toEqual([original[0], original[2]]);
  await expect(figure.getByLabel('Preset')).toHaveValue('custom');
  await expect(figure.locator('.ll-kp-does')).toContainText('Your own kernel');
  await expect(figure.locator('.ll-kp-drawing')).toContainText('clipped to 0 (black) to 1 (white)');
  await expect(output).toHaveAttribute('alt', /your kernel \(-1, 0, 1, -2, 4, 2, -1, 0, 1\)/);

  // Every tensor of a recompute is freed: the engine holds as many after another run as before it.
  const tensors = () => page.evaluate(() => document.documentElement.dataset.tensors ?? '');
  await expect.poll(tensors).not.toBe('');
  const before = await tensors();
  // Cleared, so the count read next is the one published after this run.
  await page.evaluate(() => delete document.documentElement.dataset.tensors);
  await figure.getByLabel('Preset').selectOption('sharpen');
  await nextResult(figure, edited);
  await expect(figure.getByLabel('row 2, column 2')).toHaveValue('5');
  await expect.poll(tensors).not.toBe('');
  expect(await tensors()).toBe(before);
});

test("a reader's photo recomputes the figure with the reader's kernel; the way back keeps the kernel", async ({
  page,
}) => {
  await page.goto(PAGE);
  const figure = page.locator('figure[data-figure="kernel-playground"]');
  const output = figure.locator('img.ll-figure-image');
  const precomputed = (await output.getAttribute('src'))!;
  const original = await tileDigests(page, precomputed);
  await figure.getByLabel('Preset').selectOption('sobel-x');
  const onArticlePhoto = await tileDigests(page, await nextResult(figure, precomputed));

  const before = (await output.getAttribute('src'))!;
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({ state: 'done' });
  const onReaderPhoto = await tileDigests(page, await nextResult(figure, before));
  onReaderPhoto.forEach((digest, t) => expect(digest, `tile ${t}`).not.toBe(onArticlePhoto[t]));
  await expect(figure.locator('.ll-recipe-photo')).toHaveText('coffee.png');
  await expect(figure.getByLabel('Preset')).toHaveValue('sobel-x');
  await expect(output).toHaveAttribute('alt', /Sobel x/);

  // Back to the article's photo: the precomputed image is Sobel y's, so the reader's Sobel x is recomputed.
  const onCoffee = (await output.getAttribute('src'))!;
  await page.locator('.ll-photo-reset').click();
  const back = await tileDigests(page, await nextResult(figure, onCoffee));
  expect(back).toEqual(onArticlePhoto);
  expect(back[1]).not.toBe(original[1]);
  await expect(figure.getByLabel('Preset')).toHaveValue('sobel-x');
});

test("recomputing the article's own photo in the page gives the precomputed image back", async ({ page }) => {
  await page.goto(PAGE);
  // The build's compute in the page's worker: the grey photo, the kernel's output and the learned map
  // (measured: identical, 0 values differ).
  const compared = await expectOwnPhotoParity(page, 'figure[data-follows] img.ll-figure-image', {
    worst: 1,
    share: 0.001,
  });
  expect(compared).toBe(1);
});

test('the page has no serious accessibility violations', async ({ page }) => {
  await page.goto(PAGE);
  const figure = page.locator('figure[data-figure="kernel-playground"]');
  await expect(figure.getByLabel('Preset')).toBeEnabled();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
});
