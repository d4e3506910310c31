/**
 * The layer-arithmetic figure (fixture article "arithmetic", one figure per CS231n example): typeset as
 * MathML and drawn without JavaScript; with it, the inputs (by keyboard) recompute the lecture's numbers,
 * Step and Play move the window, a refused value says why; no photo touches it; axe finds nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { visibleSlot } from './page-helpers.ts';

const PAGE = '/articles/arithmetic/';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

async function awake(page: Page, name: string): Promise<Locator> {
  const figure = page.locator(`#${name}`);
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.ll-arith-controls')).toBeVisible({ timeout: 30_000 });
  return figure;
}

/** Replaces an input's value as a reader would: focus, select all, type. */
async function typeInto(page: Page, input: Locator, value: string): Promise<void> {
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

test('without JavaScript every figure is there: MathML formulas, the drawing, the not-fit note', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAGE);
  const figures = page.locator('figure[data-figure="layer-arithmetic"]');
  await expect(figures).toHaveCount(7);
  // Nothing in them follows a reader's photo.
  await expect(page.locator('figure[data-figure="layer-arithmetic"][data-recipe]')).toHaveCount(0);
  const namespaces = await page.$$eval('figure[data-figure="layer-arithmetic"] math', (all) => [
    ...new Set(all.map((m) => m.namespaceURI)),
  ]);
  expect(namespaces).toEqual([MATHML]);
  // The input and output grids (and a 1x1's depth strips); a fully connected layer's wiring.
  const drawings = { first: 2, seven: 2, 'no-fit': 2, padded: 2, 'one-by-one': 3, pool: 2, dense: 1 };
  for (const [name, svgs] of Object.entries(drawings)) {
    await expect(page.locator(`#${name} svg.ll-arith-svg`)).toHaveCount(svgs);
    for (const svg of await page.locator(`#${name} svg.ll-arith-svg`).all()) await expect(svg).toBeVisible();
  }
  await expect(page.locator('.ll-arith-controls').first()).toBeHidden();

  const first = page.locator('#first');
  await expect(visibleSlot(first, 'w-exact')).toHaveText('28');
  await expect(first.locator('.ll-arith-volume')).toContainText('28×28×1');
  await expect(visibleSlot(first, 'params')).toHaveText('76');

  const noFit = page.locator('#no-fit');
  await expect(visibleSlot(noFit, 'w-exact')).toHaveText('2.33');
  await expect(visibleSlot(noFit, 'w-rel')).toHaveText('≈');
  await expect(noFit.locator('.ll-arith-volume')).toBeHidden();
  await expect(noFit.locator('.ll-arith-nofit')).toContainText('The filter does not fit');
  await expect(visibleSlot(noFit, 'valid-volume')).toHaveText('2 × 2 × 1');
  await expect(visibleSlot(noFit, 'same-volume')).toHaveText('3 × 3 × 1');
  await expect(noFit.locator('.ll-arith-nofit')).toContainText('same pads 2 zeros (1 before, 1 after) for 3 outputs');

  await expect(visibleSlot(page.locator('#padded'), 'params')).toHaveText('760');
  await expect(page.locator('#one-by-one .ll-arith-volume')).toContainText('56×56×32');
  await expect(page.locator('#pool .ll-arith-volume')).toContainText('112×112×64');
  await expect(visibleSlot(page.locator('#dense'), 'params')).toHaveText('30,730');

  // The article's own math ($...$ inline, $$...$$ as a block): MathML in the prose, no TeX left over.
  const prose = page.locator('.ll-article > p', { hasText: 'Math in an article' });
  await expect(prose.locator('math')).toHaveCount(1);
  await expect(prose.locator('math mfrac')).toHaveCount(1);
  await expect(page.locator('.ll-article > math[display="block"]')).toHaveCount(1);
  expect(await page.locator('.ll-article').innerText()).not.toContain('$');
  await context.close();
});

test('the stride by keyboard: 5, then 3, then the filter does not fit (valid 2x2, same 3x3)', async ({ page }) => {
  await page.goto(PAGE);
  const figure = await awake(page, 'seven');
  await expect(visibleSlot(figure, 'w-exact')).toHaveText('5');
  const stride = figure.getByLabel('Stride S');
  await stride.focus();
  await page.keyboard.press('ArrowUp');
  await expect(visibleSlot(figure, 'w-exact')).toHaveText('3');
  await expect(figure.locator('.ll-arith-nofit')).toBeHidden();
  await page.keyboard.press('ArrowUp');
  await expect(visibleSlot(figure, 'w-exact')).toHaveText('2.33');
  await expect(visibleSlot(figure, 'w-rel')).toHaveText('≈');
  await expect(figure.locator('.ll-arith-nofit')).toBeVisible();
  await expect(figure.locator('.ll-arith-nofit')).toContainText('The filter does not fit');
  await expect(figure.locator('.ll-arith-volume')).toBeHidden();
  await expect(visibleSlot(figure, 'valid-volume')).toHaveText('2 × 2 × 1');
  await expect(visibleSlot(figure, 'same-volume')).toHaveText('3 × 3 × 1');
  await expect(figure.locator('.ll-arith-readout')).toContainText('Step 1 of 4');
});

test('ten 5x5 filters with padding 2 on 32x32x3, typed: 32 x 32 x 10 and 760 parameters', async ({ page }) => {
  await page.goto(PAGE);
  const figure = await awake(page, 'first');
  await typeInto(page, figure.getByLabel('Filters K'), '10');
  await page.keyboard.press('Shift+Tab'); // back to the padding, by keyboard
  await expect(figure.getByLabel('Padding P')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(visibleSlot(figure, 'w-exact')).toHaveText('32');
  await expect(figure.locator('.ll-arith-volume')).toContainText('32×32×10');
  await expect(visibleSlot(figure, 'params')).toHaveText('760');
  // The typeset formula shows the numbers it used: (5·5·3 + 1)·10 (temml writes \cdot as U+22C5).
  await expect(figure.locator('math').filter({ hasText: '760' })).toContainText('(5⋅5⋅3+1)⋅10=760');
});

test('a refused value says why and keeps the last valid layer', async ({ page }) => {
  await page.goto(PAGE);
  const figure = await awake(page, 'seven');
  const stride = figure.getByLabel('Stride S');
  await typeInto(page, stride, '0');
  await expect(stride).toHaveAttribute('aria-invalid', 'true');
  await expect(figure.locator('.ll-arith-refusal')).toHaveText(/Stride S: a whole number from 1 to 64/);
  await expect(visibleSlot(figure, 'w-exact')).toHaveText('5');
  await typeInto(page, stride, '2');
  await expect(stride).toHaveAttribute('aria-invalid', 'false');
  await expect(visibleSlot(figure, 'w-exact')).toHaveText('3');
});

test('Step moves the window one position; Play sweeps it and Pause stops it', async ({ page }) => {
  await page.goto(PAGE);
  const figure = await awake(page, 'seven');
  const readout = figure.locator('.ll-arith-readout');
  const window = figure.locator('.ll-arith-window');
  const current = figure.locator('.ll-arith-current');
  await expect(readout).toContainText('Step 1 of 25');
  const [x0, cx0] = [Number(await window.getAttribute('x')), Number(await current.getAttribute('x'))];
  await figure.getByRole('button', { name: 'Step' }).focus();
  await page.keyboard.press('Enter');
  await expect(readout).toContainText('Step 2 of 25');
  await expect(readout).toContainText('columns 2–4');
  const cell = Number(await window.getAttribute('x')) - x0;
  expect(cell).toBeGreaterThan(0);
  expect(Number(await current.getAttribute('x')) - cx0).toBeCloseTo(cell, 1);

  const play = figure.getByRole('button', { name: 'Play' });
  await play.click();
  await expect(figure.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(readout).toContainText(/Step (6|7|8|9|1\d|2\d) of 25/, { timeout: 10_000 });
  await figure.getByRole('button', { name: 'Pause' }).click();
  const paused = await readout.textContent();
  await page.waitForTimeout(1_000);
  expect(await readout.textContent()).toBe(paused);
  await expect(play).toBeVisible();
});

test('the arithmetic article has no accessibility violations, its controls awake', async ({ page }) => {
  await page.goto(PAGE);
  for (const name of ['first', 'seven', 'no-fit', 'padded', 'one-by-one', 'pool', 'dense']) await awake(page, name);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes`)).toEqual([]);
});
