/**
 * An article's vocabulary (fixture vocabulary.mdx): numbered figures and <Ref> links to them, author-year
 * <Cite> links into the References list, an <Aside> in the margin on a wide screen and inline on a phone,
 * a GFM footnote; axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGE = '/articles/vocabulary/?backend=wasm';

test('figures are numbered in source order and <Ref> links to them', async ({ page }) => {
  await page.goto(PAGE);
  const figures = page.locator('figure.ll-figure');
  await expect(figures).toHaveCount(2);
  const ids = await figures.evaluateAll((list) => list.map((f) => f.id));
  expect(ids).toEqual(['photo', 'filters']);
  for (const [i, figure] of (await figures.all()).entries())
    expect((await figure.locator('figcaption').innerText()).trim()).toMatch(new RegExp(`^Figure ${i + 1}\\.`));
  // The caption names the figure for assistive technology, number included.
  await expect(page.getByRole('figure', { name: /^Figure 2\. First-layer filters/ })).toHaveAttribute('id', 'filters');
  const second = page.getByRole('link', { name: 'Figure 2', exact: true });
  await expect(second).toHaveAttribute('href', `#${ids[1]}`);
  await expect(page.getByRole('link', { name: 'Figure 1', exact: true })).toHaveAttribute('href', '#photo');
  await expect(page.getByRole('link', { name: 'the gallery above' })).toHaveAttribute('href', '#filters');
  await second.click();
  await expect(page).toHaveURL(/#filters$/);
});

test('citations are author-year and link to the References list', async ({ page }) => {
  await page.goto(PAGE);
  const cites = page.locator('.ll-cite');
  await expect(cites).toHaveCount(2);
  await expect(cites.first()).toHaveText('(Zeiler and Fergus, 2014)');
  await expect(cites.nth(1)).toHaveText('(Smilkov et al., 2017; Zeiler and Fergus, 2014, p. 3)');
  const references = page.getByRole('region', { name: 'References' });
  const items = references.getByRole('listitem');
  // Alphabetical: Smilkov before Zeiler, whatever the order of first citation.
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText(
    'Daniel Smilkov, Nikhil Thorat, Been Kim, Fernanda Viégas and Martin Wattenberg (2017)',
  );
  await expect(items.nth(1)).toContainText('Visualizing and Understanding Convolutional Networks');
  await expect(items.nth(1).getByRole('link')).toHaveAttribute('href', 'https://doi.org/10.1007/978-3-319-10590-1_53');
  for (const link of await cites.getByRole('link').all()) {
    const target = (await link.getAttribute('href'))!;
    await expect(references.locator(target), target).toHaveCount(1);
  }
});

test('math in the text is MathML: two inline formulas and one block, no TeX left', async ({ page }) => {
  await page.goto(PAGE);
  const article = page.locator('.ll-article');
  await expect(article.locator('p math')).toHaveCount(3);
  await expect(article.locator('math[display="block"] mfrac')).toHaveCount(1);
  expect(await article.innerText()).not.toContain('$');
});

test('the aside is an <aside> in the margin, the footnote links both ways, and axe finds nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(PAGE);
  const aside = page.locator('aside.ll-aside');
  await expect(aside).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'A margin note' })).toHaveCount(1);
  const text = await page.locator('article p').first().boundingBox();
  const box = await aside.boundingBox();
  // Beside the text column, not in it.
  expect(box!.x).toBeGreaterThanOrEqual(text!.x + text!.width);
  const ref = page.locator('a[data-footnote-ref]');
  await expect(ref).toHaveCount(1);
  const note = page.locator((await ref.getAttribute('href'))!);
  await expect(note).toContainText('sum of the products');
  await expect(note.locator('a[data-footnote-backref]')).toHaveAttribute('href', `#${await ref.getAttribute('id')}`);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('on a phone the aside sits inline in the text and nothing overflows', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  const aside = page.locator('aside.ll-aside');
  const box = (await aside.boundingBox())!;
  const text = (await page.locator('article p').first().boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(text.x - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(text.x + text.width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
