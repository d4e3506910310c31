/**
 * An article's own image (the fixture's content/images/own-dog.jpg, described in images.json): shown with
 * its credit, published under /data/images-content/, pinned while the article's photo follows the
 * reader's, whose credit line then says the photo is the reader's. An article's own image set (the fixture's
 * content/image-sets/tiny-samples/): published and credited, its images named and shown like a shipped set's,
 * and a reader's photo compared with it in the browser.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome } from './page-helpers.ts';

const PAGE = '/articles/own-images/?backend=wasm';

test("an own image is shown with its credit and published; it stays pinned while the article's photo follows", async ({
  page,
  request,
}) => {
  const served = await request.get('/data/images-content/own-dog.jpg');
  expect(served.status()).toBe(200);
  expect((await served.body()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

  await page.goto(PAGE);
  const own = page.locator('#own-photo');
  const article = page.locator('#article-photo');
  await expect(own.locator('.ll-photo-credit')).toHaveText(
    "Photo: Joseph Redmon, Darknet's sample images (public domain)",
  );
  await expect(own.locator('.ll-photo-credit a')).toHaveAttribute('href', /pjreddie\/darknet/);
  await expect(article.locator('.ll-photo-credit')).toContainText('Photo: ');
  await expect(page.locator('figure[data-figure="top-k"] tbody tr')).toHaveCount(3);
  const ownSrc = await own.locator('img').getAttribute('src');
  const articleCredit = await article.locator('.ll-photo-credit').innerText();

  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  expect((await photoOutcome(page)).state).toBe('done');
  await expect(article).toHaveAttribute('data-state', 'done');
  await expect(article.locator('.ll-photo-credit')).toHaveText('Your photo: it stays on this device.');
  expect(await own.locator('img').getAttribute('src')).toBe(ownSrc);
  await expect(own.locator('.ll-photo-credit')).toContainText('Joseph Redmon');

  await page.locator('.ll-photo-reset').click();
  await expect(article.locator('.ll-photo-credit')).toHaveText(articleCredit);
});

test("an own image set is published and credited, and a reader's photo is compared with it", async ({
  page,
  request,
}) => {
  const served = await request.get('/data/images-tiny-samples/koala_1.jpeg');
  expect(served.status()).toBe(200);
  expect((await served.body()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

  await page.goto('/credits/');
  const credits = page.locator('section', {
    has: page.locator('h2', { hasText: 'Tiny ImageNet samples of ten classes' }),
  });
  await expect(credits).toContainText('MIT (CNN Explainer repository); Tiny ImageNet terms');
  await expect(credits.locator('tbody tr')).toHaveCount(20);
  await expect(credits.locator('a[href="/data/images-tiny-samples/koala_1.jpeg"]')).toHaveCount(1);

  await page.goto(PAGE);
  await expect(page.locator('#set-photo .ll-photo-credit')).toContainText('koala_1.jpeg, from poloclub/cnn-explainer');
  const neighbours = page.locator('#own-set-neighbours');
  const features = neighbours.locator('.ll-set-text ol').first().locator('li');
  await expect(features).toHaveCount(3);
  await expect(features.first()).toContainText('(a 64x64 Tiny ImageNet sample)');
  const before = await neighbours.locator('.ll-set-text').innerText();

  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  await expect(neighbours).toHaveAttribute('data-state', 'done');
  await expect(features).toHaveCount(3);
  expect(await neighbours.locator('.ll-set-text').innerText()).not.toBe(before);
  await expect(features.first()).toContainText('espresso');
});
