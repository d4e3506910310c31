/**
 * The reader's photo: every figure recomputes in the browser; the article's own photo recomputed live
 * gives the precomputed figures back; bad files get messages; memory stays flat; the photo goes nowhere.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { BAD_INPUTS } from './bad-inputs.ts';
import { ARTICLE, compareImages, dropPhoto, expectOwnPhotoParity, figureStates, photoOutcome } from './page-helpers.ts';

/** The fixture has six figures computed from the photo (top-k, three grids, a sweep, the input photo). */
const DONE = Array(6).fill('done');
const PRECOMPUTED = Array(6).fill('precomputed');

test('dropping a photo recomputes every figure, each showing its state, and reset restores them', async ({ page }) => {
  await page.goto(ARTICLE);
  const before = await page.$$eval('figure img.ll-atlas, figure img.ll-sweep-strip', (imgs) =>
    imgs.map((i) => (i as HTMLImageElement).src),
  );
  const requests: { method: string; url: string; body: string | null }[] = [];
  page.on('request', (r) => requests.push({ method: r.method(), url: r.url(), body: r.postData() }));
  await dropPhoto(page, await readFile(photoPath('dog.jpg')), 'dog.jpg', 'image/jpeg');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({
    state: 'done',
    text: expect.stringMatching(/All 6 figures show dog\.jpg, computed on this device with wasm/),
  });
  expect(await figureStates(page)).toEqual(DONE);
  await expect(page.locator('.ll-figure[data-recipe] .ll-state').first()).toHaveText(
    /Recomputed for your photo on wasm in \d+ ms/,
  );
  await expect(page.locator('.ll-figure[data-recipe] .ll-recipe-photo').first()).toHaveText('dog.jpg');
  const after = await page.$$eval('figure img.ll-atlas, figure img.ll-sweep-strip', (imgs) =>
    imgs.map((i) => (i as HTMLImageElement).src),
  );
  expect(after.filter((src) => src.startsWith('blob:'))).toHaveLength(4); // 3 grids + the sweep; filters do not depend on the photo
  const comparison = await compareImages(page, after[0]!, before[0]!);
  expect(comparison.differing).toBeGreaterThan(0.5);
  // Tabby cats are not what the network sees in a photo of a dog and a bicycle.
  await expect(page.locator('figure[data-figure="top-k"] tbody tr').first()).not.toContainText(/cat/);

  // The photo never leaves the device: after the drop, only GETs for scripts and weights, same origin.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((r) => r.method !== 'GET' || r.body !== null)).toEqual([]);
  expect(requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('blob:'))).toEqual([]);

  await page.locator('.ll-photo-reset').click();
  await expect(page.locator('.ll-photo-status')).toHaveText(/Back to the article's photo/);
  const restored = await page.$$eval('figure img.ll-atlas, figure img.ll-sweep-strip', (imgs) =>
    imgs.map((i) => (i as HTMLImageElement).src),
  );
  expect(restored).toEqual(before);
  expect(await figureStates(page)).toEqual(PRECOMPUTED);
});

test("recomputing the article's own photo live gives the precomputed figures back", async ({ page }) => {
  await page.goto(ARTICLE);
  const originalRows = await page.locator('figure[data-figure="top-k"] tbody').innerText();
  // Same engine, same pixels in: at most a rounding step on a value sitting at a colour-level boundary.
  expect(await expectOwnPhotoParity(page, 'figure[data-recipe] img', { worst: 3, share: 0.001 })).toBe(5);
  expect(await page.locator('figure[data-figure="top-k"] tbody').innerText()).toBe(originalRows);
});

for (const input of BAD_INPUTS) {
  test(`a reader's ${input.name} gets a clear answer and the page keeps working`, async ({ page }) => {
    await page.goto(ARTICLE);
    await dropPhoto(page, await input.bytes(), input.name, input.type);
    const outcome = await photoOutcome(page);
    expect(outcome.state, outcome.text).toBe(input.outcome);
    expect(outcome.text).toMatch(input.message);
    if (input.outcome === 'error') {
      expect(await figureStates(page)).toEqual(PRECOMPUTED);
      await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
      expect((await photoOutcome(page)).state).toBe('done');
    }
    expect(await figureStates(page)).toEqual(DONE);
  });
}

test('twenty photo swaps leave the number of live tensors flat', async ({ page }) => {
  await page.goto(ARTICLE);
  const photos = await Promise.all(['coffee.png', 'astronaut.png'].map((p) => readFile(photoPath(p))));
  const counts: number[] = [];
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => delete document.querySelector<HTMLElement>('.ll-photo-status')!.dataset.state);
    await dropPhoto(page, photos[i % 2]!, `photo-${i}.png`, 'image/png');
    expect((await photoOutcome(page)).state).toBe('done');
    counts.push(Number(await page.evaluate(() => document.documentElement.dataset.tensors)));
  }
  expect(counts[0]).toBeGreaterThan(0);
  expect(new Set(counts)).toEqual(new Set([counts[0]]));
});
