/**
 * Attribution figures in the reader's browser (fixture article, small settings): maps as images with their
 * text in HTML, the maps that follow the photo recomputed for a reader's photo (its own top class; a class
 * the author named stays), the sanity check and the curves waiting for the reader to ask, then running.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, expectOwnPhotoParity, photoOutcome } from './page-helpers.ts';

const ATTRIBUTION = '/articles/attribution/?backend=wasm';

test('every attribution figure is an image with its method, target, colour bar and numbers as HTML', async ({
  page,
}) => {
  await page.goto(ATTRIBUTION);
  const figures = page.locator('figure.ll-figure');
  await expect(figures).toHaveCount(7);
  for (const kind of ['saliency', 'saliency-compare', 'occlusion', 'sanity-check', 'faithfulness']) {
    const image = page.locator(`figure[data-figure="${kind}"] img.ll-attr-image`).first();
    await image.evaluate((img: HTMLImageElement) => (img.loading = 'eager'));
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: kind })
      .toBeGreaterThan(0);
  }
  const single = page.locator('figure[data-figure="saliency"]').first();
  await expect(single.locator('.ll-attr-target')).toContainText(
    'Egyptian cat (class 7, the top class): probability 63.1%',
  );
  await expect(single.locator('.ll-tile-labels li')).toHaveText(['Guided backprop · leaky slope as 0']);
  await expect(single.locator('.ll-colourbar')).toHaveCount(1);
  const compare = page.locator('figure[data-figure="saliency-compare"]');
  await expect(compare.locator('.ll-tile-labels li strong')).toHaveText([
    'Gradient',
    'Grad-CAM',
    'SmoothGrad',
    'Integrated Gradients',
  ]);
  await expect(compare.locator('.ll-attr-completeness')).toHaveText(/completeness error [\d.]+%/);
  await expect(compare.locator('.ll-colourbar')).toHaveCount(2); // magnitude maps and signed maps
  await expect(page.locator('figure[data-figure="occlusion"] .ll-attr-target')).toContainText('tabby (class 173)');
  const sanity = page.locator('figure[data-figure="sanity-check"]');
  await expect(sanity.locator('tbody tr')).toHaveCount(2);
  await expect(sanity.locator('tbody tr').first().locator('td').first()).toHaveText('1.00');
  const curves = page.locator('figure[data-figure="faithfulness"]');
  await expect(curves.locator('svg polyline')).toHaveCount(4); // two methods, deletion and insertion
  // Every figure has an id for links: the author's name, else one from its content (never its position).
  const ids = await figures.evaluateAll((all) => all.map((f) => f.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toContain('pinned-dog');
  expect(ids.filter((id) => id !== 'pinned-dog').every((id) => /^figure-[0-9a-f]{10}$/.test(id))).toBe(true);
});

test("a reader's photo re-targets the maps to its own top class, and the slow figures run when asked", async ({
  page,
}) => {
  await page.goto(ATTRIBUTION);
  const sanity = page.locator('figure[data-figure="sanity-check"]');
  const before = await sanity.locator('tbody').innerText();
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({
    state: 'done',
    text: expect.stringMatching(/All 3 figures show coffee\.png/),
  });
  for (const kind of ['saliency', 'saliency-compare', 'occlusion'])
    await expect(page.locator(`figure[data-figure="${kind}"]`).first(), kind).toHaveAttribute('data-state', 'done');
  await expect(page.locator('figure[data-figure="saliency"] .ll-attr-target').first()).toContainText(
    'espresso (class 946, the top class)',
  );
  await expect(page.locator('figure[data-figure="saliency"] img.ll-attr-image').first()).toHaveAttribute(
    'src',
    /^blob:/,
  );
  // The author named "tabby": it stays the target for any photo.
  await expect(page.locator('figure[data-figure="occlusion"] .ll-attr-target')).toContainText('tabby (class 173)');

  await expect(sanity).toHaveAttribute('data-state', 'ready');
  await expect(sanity.locator('.ll-rerun')).toHaveText('Run on your photo');
  await sanity.locator('.ll-rerun').click();
  await expect(sanity).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(sanity.locator('.ll-state')).toHaveText(/Ran live on wasm in [\d.]+ s for coffee\.png/);
  await expect(sanity.locator('.ll-attr-target')).toContainText('espresso');
  expect(await sanity.locator('tbody').innerText()).not.toBe(before);

  await page.locator('.ll-photo-reset').click();
  await expect(page.locator('figure[data-figure="saliency"] .ll-attr-target').first()).toContainText('Egyptian cat');
  await expect.poll(() => sanity.locator('tbody').innerText()).toBe(before);
});

test("recomputing the article's own photo gives the precomputed maps back", async ({ page }) => {
  await page.goto(ATTRIBUTION);
  // Same engine, same pixels in (measured: identical, 0 of 155,952 values differ).
  const compared = await expectOwnPhotoParity(page, 'figure[data-follows]:not([data-on-demand]) img.ll-attr-image', {
    worst: 3,
    share: 0.001,
  });
  expect(compared).toBe(3);
});

test('the class picker re-targets the maps that follow the top class, by name or from the top 5', async ({ page }) => {
  await page.goto(ATTRIBUTION);
  const picker = page.locator('form.ll-class-picker');
  await expect(picker).toBeVisible();
  const single = page.locator('figure[data-figure="saliency"]').first();
  const occlusion = page.locator('figure[data-figure="occlusion"]');
  const input = picker.getByLabel('Explain the class');
  await input.fill('tabbby');
  await input.press('Enter');
  await expect(picker.locator('.ll-class-status')).toHaveText(/No class is named "tabbby"\. Did you mean .*"tabby"/);
  await input.fill('tabby');
  await picker.getByRole('button', { name: 'Explain' }).click();
  await expect(picker.locator('.ll-class-status')).toHaveText(
    /3 figures explain "tabby", computed on this device with wasm/,
    { timeout: 60_000 },
  );
  await expect(single.locator('.ll-attr-target')).toContainText('tabby (class 173)');
  await expect(single).toHaveAttribute('data-state', 'done');
  await expect(occlusion).toHaveAttribute('data-state', 'precomputed'); // its class was fixed by the author
  await expect(page.locator('figure[data-figure="sanity-check"]')).toHaveAttribute('data-state', 'ready');

  await picker.getByRole('button', { name: "Show the photo's top 5" }).click();
  await expect(picker.locator('.ll-class-top5 button')).toHaveCount(5);
  await expect(picker.locator('.ll-class-top5 button').first()).toHaveText('Egyptian cat 63.1%');
  await picker.locator('.ll-class-top5 button').nth(2).click(); // tiger cat
  await expect(single.locator('.ll-attr-target')).toContainText('tiger cat', { timeout: 60_000 });

  await picker.getByRole('button', { name: 'Top class' }).click();
  await expect(single.locator('.ll-attr-target')).toContainText('Egyptian cat (class 7, the top class)');
  await expect(single).toHaveAttribute('data-state', 'precomputed');
});

test("pinned figures keep their image and pixels when a reader's photo is dropped; following ones change", async ({
  page,
}) => {
  await page.goto(ATTRIBUTION);
  await expect(page.locator('.ll-photo-follows')).toHaveText(
    /5 of 7 figures follow the photo; the others keep their own image/,
  );
  // The line is written at build time: the page's own figures agree with it.
  await expect(page.locator('figure.ll-figure[data-recipe]')).toHaveCount(7);
  await expect(page.locator('figure.ll-figure[data-follows]')).toHaveCount(5);
  const pinned = page.locator('figure.ll-figure:not([data-follows])');
  await expect(pinned).toHaveCount(2);
  const pinnedImage = pinned.first().locator('img');
  const before = await pinnedImage.getAttribute('src');
  const pinnedRows = await pinned.nth(1).locator('tbody').innerText();
  const following = page.locator('figure[data-follows] img.ll-attr-image').first();
  const followingBefore = await following.getAttribute('src');
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  expect((await photoOutcome(page)).state).toBe('done');
  await expect(pinned.first()).toHaveAttribute('data-state', 'precomputed');
  await expect(pinnedImage).toHaveAttribute('src', before!);
  await expect(pinned.first().locator('.ll-recipe-photo')).toHaveText('dog.jpg');
  await expect(pinned.first().locator('.ll-attr-target')).not.toContainText('espresso');
  expect(await pinned.nth(1).locator('tbody').innerText()).toBe(pinnedRows); // the pinned top 5 of the cat
  expect(await following.getAttribute('src')).not.toBe(followingBefore);
});

test('a row sets figures side by side on a wide screen and stacks them on a phone, never wider than the page', async ({
  page,
}) => {
  const boxes = async () => {
    await page.goto(ATTRIBUTION);
    const row = page.locator('#pinned-row');
    await row.scrollIntoViewIfNeeded();
    const figures = row.locator(':scope > figure.ll-figure');
    await expect(figures).toHaveCount(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    return { a: (await figures.nth(0).boundingBox())!, b: (await figures.nth(1).boundingBox())!, overflow };
  };
  await page.setViewportSize({ width: 1200, height: 900 });
  const wide = await boxes();
  expect(wide.overflow).toBeLessThanOrEqual(0);
  expect(Math.abs(wide.a.y - wide.b.y)).toBeLessThan(2); // side by side
  expect(wide.b.x).toBeGreaterThanOrEqual(wide.a.x + wide.a.width);
  await page.setViewportSize({ width: 390, height: 800 });
  const phone = await boxes();
  expect(phone.overflow).toBeLessThanOrEqual(0);
  expect(phone.b.y).toBeGreaterThanOrEqual(phone.a.y + phone.a.height); // stacked
  expect(phone.a.x).toBeGreaterThanOrEqual(0);
  expect(phone.a.x + phone.a.width).toBeLessThanOrEqual(390);
});
