/**
 * The reader's photo across the site: kept on the device from one article to the next until "Clear my
 * photo"; the photo button's download size against the bytes the page really transfers; the camera on
 * phones; a browser that refuses storage still gets the photo on the page it was given on.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome } from './page-helpers.ts';

/** Two small articles: one hand-made kernel on Tiny Darknet's first layer; an input photo and filters. */
const FIRST = '/articles/kernels/?backend=wasm';
const SECOND = '/articles/vocabulary/?backend=wasm';

/**
 * Bytes of every response the page (and its worker) receives from now on. Chromium reports no body size for
 * a worker's own script: that one is read again from the server.
 */
function countTransfers(page: Page): () => number {
  let bytes = 0;
  page.on('requestfinished', (request) => {
    if (!request.url().startsWith('http')) return; // blob: URLs are the page's own images
    void request.sizes().then(async ({ responseBodySize }) => {
      bytes += responseBodySize > 0 ? responseBodySize : (await (await fetch(request.url())).arrayBuffer()).byteLength;
    });
  });
  return () => bytes;
}

test('the photo follows the reader to the next article until they clear it; the button says what it downloads', async ({
  page,
}) => {
  await page.goto(FIRST);
  const pick = page.getByRole('button', { name: /^Use your own photo/ });
  await expect(pick).toHaveAccessibleName(
    /^Use your own photo \(downloads the engine and Tiny Darknet's weights, \d+(\.\d)? (MB|kB)\)$/,
  );
  const stated = Number(await page.locator('#ll-photo').getAttribute('data-download-bytes'));
  expect(stated, 'the build measured the engine').toBeGreaterThan(0);
  await expect(page.locator('#ll-photo')).toHaveAttribute('data-remembered', '');

  const transferred = countTransfers(page);
  await dropPhoto(page, await readFile(photoPath('dog.jpg')), 'dog.jpg', 'image/jpeg');
  const first = await photoOutcome(page);
  expect(first, first.text).toMatchObject({ state: 'done', text: expect.stringMatching(/stays on this device/) });
  // Response sizes arrive asynchronously, and the count only grows: wait until it is within reach.
  await expect.poll(() => stated / transferred(), { timeout: 15_000 }).toBeLessThan(1.1);
  const ratio = stated / transferred();
  test.info().annotations.push({ type: 'download', description: `stated ${stated} B, transferred ${transferred()} B` });
  expect(ratio, `stated ${stated} B against ${transferred()} B transferred`).toBeGreaterThan(0.9);
  expect(ratio).toBeLessThan(1.1);
  await expect(pick).toHaveAccessibleName(/already downloaded/);

  // The next article recomputes for the remembered photo, and says what it downloads while it does.
  // Every status line the control shows is recorded: the busy one can be brief.
  await page.addInitScript(() => {
    const said: string[] = ((window as unknown as { llSaid: string[] }).llSaid = []);
    const note = () => said.push(document.querySelector('.ll-photo-status')?.textContent ?? '');
    new MutationObserver(note).observe(document, { childList: true, characterData: true, subtree: true });
  });
  await page.goto(SECOND);
  const second = await photoOutcome(page);
  const said = await page.evaluate(() => (window as unknown as { llSaid: string[] }).llSaid);
  expect(said.join('\n')).toMatch(/Using your photo dog\.jpg, kept on this device/);
  expect(second, second.text).toMatchObject({ state: 'done', text: expect.stringMatching(/show dog\.jpg/) });
  await expect(page.locator('.ll-photo-name')).toHaveText('dog.jpg');
  await expect(page.locator('figure[data-figure="input-photo"] .ll-recipe-photo')).toHaveText('dog.jpg');

  await page.getByRole('button', { name: 'Clear my photo' }).click();
  await expect(page.locator('.ll-photo-status')).toHaveText(/Back to the article's photo.*cleared from this device/);
  await expect(page.locator('.ll-photo-name')).toHaveText('chelsea.png');
  await page.reload();
  await expect(page.locator('#ll-photo')).toHaveAttribute('data-remembered', '');
  await expect(page.locator('.ll-photo-name')).toHaveText('chelsea.png');
});

test('phones get the camera; a browser that refuses storage still uses the photo and says it is not kept', async ({
  browser,
  page,
}) => {
  await page.goto(SECOND);
  await expect(page.locator('input[capture]')).toBeHidden();

  const phone = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const mobile = await phone.newPage();
  // Private modes and blocked storage: IndexedDB refuses to open.
  await mobile.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('storage refused', 'SecurityError');
    };
  });
  await mobile.goto(SECOND);
  const camera = mobile.getByLabel('Take a photo');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await expect(mobile.locator('.ll-photo-camera')).toBeVisible();
  await camera.focus();
  await expect(camera).toBeFocused();

  await camera.setInputFiles(photoPath('coffee.png'));
  const outcome = await photoOutcome(mobile);
  expect(outcome, outcome.text).toMatchObject({ state: 'done', text: expect.stringMatching(/not be remembered/) });
  await expect(mobile.locator('.ll-photo-name')).toHaveText('coffee.png');
  await phone.close();
});
