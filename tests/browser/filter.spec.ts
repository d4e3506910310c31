/**
 * Filters by hand (fixture article "filter"): without JavaScript the precomputed patch, filter, worked
 * numbers and maps; Step moves the filter and the hand arithmetic lands on the layer's own output; Play
 * and Pause; a reader's photo recomputes the figures; no accessibility violations.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator } from '@playwright/test';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome } from './page-helpers.ts';

const PAGE = '/articles/filter/?backend=wasm';

/** A number as the figure prints it (a real minus sign). */
async function value(locator: Locator): Promise<number> {
  return Number((await locator.innerText()).replace('\u2212', '-'));
}

test('without JavaScript: the patch, the filter, a worked position and the filled maps', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const slides = page.locator('figure[data-figure="filter-slide"]');
  await expect(slides).toHaveCount(2);
  for (const slide of await slides.all()) {
    await expect(slide.locator('.ll-fs-controls')).toBeHidden();
    await expect(slide.locator('.ll-fs-kernel')).toHaveCount(3);
    await expect(slide.locator('.ll-fs-products td')).toHaveCount(27);
    const cells = slide.locator('.ll-fs-panel').nth(2).locator('.ll-fs-grid span');
    await expect(cells.first()).toHaveClass(/filled/);
    expect(await cells.count()).toBe(await slide.locator('.ll-fs-grid span.filled').count());
    const map = slide.locator('img.ll-figure-image');
    await map.scrollIntoViewIfNeeded();
    await expect.poll(() => map.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
  await expect(slides.first()).toContainText('batch norm folded in');
  const operations = page.locator('figure[data-figure="layer-operation"]');
  await expect(operations).toHaveCount(4);
  for (const operation of (await operations.all()).slice(0, 3)) {
    await expect(operation.locator('.ll-op-matrix')).toHaveCount(2);
    await expect(operation.locator('.ll-op-note')).toContainText('the same as');
    await expect(operation.locator('.ll-op-note')).not.toContainText('NOT');
  }
  await expect(operations.nth(3).locator('.ll-op-softmax tbody tr')).toHaveCount(5);
  await context.close();
});

test('Step moves the filter; the sum, bias and activation land on the shown output', async ({ page }) => {
  await page.goto(PAGE);
  const slide = page.locator('figure[data-figure="filter-slide"]').first();
  const step = slide.getByRole('button', { name: 'Step' });
  await expect(step).toBeVisible();
  const position = slide.locator('.ll-fs-position');
  const seen = new Set<string>();
  for (let i = 0; i < 3; i++) {
    await step.focus();
    await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
    await expect(slide.locator('.ll-fs-grid span.filled')).toHaveCount(i + 1);
    await expect(position).toContainText(`(${100 + i}, 90)`);
    const [total, pre, out, model] = await Promise.all(
      ['.ll-fs-total', '.ll-fs-pre', '.ll-fs-out', '.ll-fs-model'].map((s) => value(slide.locator(s))),
    );
    const bias = Number((await slide.locator('.ll-fs-bias').innerText()).replace('bias ', '').replace('\u2212', '-'));
    expect(Math.abs(total! + bias - pre!)).toBeLessThanOrEqual(0.0015);
    expect(out).toBe(model);
    seen.add(await slide.locator('.ll-fs-worked').innerText());
  }
  expect(seen.size).toBe(3); // the numbers change with the position
});

test('Play fills the map on its own; Pause stops it', async ({ page }) => {
  await page.goto(PAGE);
  const slide = page.locator('figure[data-figure="filter-slide"]').nth(1);
  const play = slide.locator('.ll-fs-play');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect(play).toHaveText('Pause');
  const filled = slide.locator('.ll-fs-grid span.filled');
  await expect.poll(() => filled.count()).toBeGreaterThan(2);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  const paused = await filled.count();
  await page.waitForTimeout(800);
  expect(await filled.count()).toBe(paused);
});

test("a reader's photo recomputes every figure; the way back restores them", async ({ page }) => {
  await page.goto(PAGE);
  const worked = () => page.locator('.ll-fs-worked, .ll-op-text').allInnerTexts();
  const before = await worked();
  await dropPhoto(page, await readFile(photoPath('coffee.png')), 'coffee.png', 'image/png');
  const outcome = await photoOutcome(page);
  expect(outcome, outcome.text).toMatchObject({ state: 'done' });
  const slides = page.locator('figure[data-figure="filter-slide"]');
  for (const slide of await slides.all()) {
    await expect(slide).toHaveAttribute('data-state', 'done');
    await expect(slide.locator('img.ll-figure-image')).toHaveAttribute('src', /^blob:/);
    await expect(slide.locator('.ll-fs-out')).toHaveText(await slide.locator('.ll-fs-model').innerText());
  }
  for (const operation of await page.locator('figure[data-figure="layer-operation"]').all())
    await expect(operation).toHaveAttribute('data-state', 'done');
  const after = await worked();
  expect(after).toHaveLength(6);
  after.forEach((text, i) => expect(text, `figure ${i}`).not.toBe(before[i]));
  expect(after.join('\n')).not.toContain('NOT the same');
  await page.locator('.ll-photo-reset').click();
  await expect.poll(worked).toEqual(before);
});

test('the page has no serious accessibility violations', async ({ page }) => {
  await page.goto(PAGE);
  await page.locator('figure[data-figure="filter-slide"] .ll-fs-step').first().click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.length} nodes`)).toEqual([]);
});
