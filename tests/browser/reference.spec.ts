/**
 * The reference pages of the fixture site: /reference/ lists every registered figure component with its
 * props (made from the schemas), the frontmatter's fields; /reference/models/ each model's classes by output
 * index, as its labels file has them, folded but reachable by keyboard; /reference/images/ the names an
 * author writes. An article's frontmatter date and authors show under its title. No accessibility violations.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { FIGURE_COMPONENTS } from '../../src/figures/registry/authoring.ts';
import { packDir } from '../../src/node/paths.ts';

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('/reference/ lists every component with its props, and the frontmatter fields', async ({ page }) => {
  await page.goto('/reference/');
  for (const component of FIGURE_COMPONENTS) {
    await expect(page.locator(`h3[id="${component}"]`)).toHaveText(`<${component}>`);
    await expect(page.locator(`.ll-reference-toc a[href="#${component}"]`)).toHaveCount(1);
  }
  await expect(page.locator('section.ll-component')).toHaveCount(FIGURE_COMPONENTS.length);
  const grid = page.locator('section[data-component="FeatureMapGrid"]');
  const columns = grid.locator('tr[data-prop="columns"]');
  await expect(columns.locator('th')).toHaveText('columns');
  await expect(columns.locator('td.ll-type')).toHaveText('integer (1 to 64)');
  await expect(columns.locator('td.ll-default')).toHaveText('near-square');
  await expect(grid.locator('tr[data-prop="layer"] td.ll-default')).toHaveText('required');
  await expect(page.locator('section[data-component="TopK"] tr[data-prop="k"] td.ll-default')).toHaveText('5');
  for (const field of ['title', 'photo', 'date', 'author', 'cover'])
    await expect(page.locator(`#frontmatter + p + table tr[data-prop="${field}"]`)).toHaveCount(1);
  await expectNoViolations(page);
  // On a phone each prop is a block of its own, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoViolations(page);
});

test("/reference/models/ lists each model's classes by output index, folded and opened by keyboard", async ({
  page,
}) => {
  await page.goto('/reference/models/');
  const labels = readFileSync(path.join(packDir('tiny-darknet'), 'labels.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const darknet = page.locator('section[data-model="tiny-darknet"]');
  const details = darknet.locator('details.ll-classes');
  await expect(details).not.toHaveAttribute('open', /.*/);
  await expect(details.locator('summary')).toHaveText(`${labels.length} classes of tiny-darknet, by output index`);
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  const rows = details.locator('tbody tr');
  await expect(rows).toHaveCount(labels.length);
  for (const index of [0, 281, labels.length - 1])
    await expect(rows.nth(index).locator('td').nth(1)).toHaveText(labels[index]!);
  await expect(rows.nth(281).locator('td').first()).toHaveText('281');
  await expect(darknet.locator('tr[data-layer="conv2d_16"] td').first()).toHaveText(`14 x 14 x ${labels.length}`);
  // Ten classes are shown open.
  await expect(page.locator('section[data-model="tiny-vgg"] details.ll-classes')).toHaveAttribute('open', '');
  await expect(page.locator('section[data-model="tiny-vgg"] details.ll-classes')).toContainText('ladybug');
  await expectNoViolations(page);
});

test('/reference/images/ lists the names an author writes; image sets link to their credits', async ({ page }) => {
  await page.goto('/reference/images/');
  const names = page.locator('.ll-names li');
  await expect(names.filter({ hasText: /^chelsea\.png$/ })).toHaveCount(1);
  await expect(names.filter({ hasText: /^textures\/brick\.png$/ })).toHaveCount(1);
  await expect(names.filter({ hasText: /^content\/own-dog\.jpg$/ })).toHaveCount(1);
  await expect(names.filter({ hasText: /la_muse/ })).toHaveCount(0);
  const corpus = page.locator('section[data-pack="images-corpus"] a[href$="#set-images-corpus"]');
  await expectNoViolations(page);
  await corpus.click();
  await expect(page.locator('#set-images-corpus')).toBeVisible();
});

test("an article's date and authors show under its title", async ({ page }) => {
  await page.goto('/articles/own-images/');
  const byline = page.locator('.ll-byline');
  await expect(byline).toHaveText('By Jane Doe and Ann Smith · 1 May 2024');
  await expect(byline.locator('time')).toHaveAttribute('datetime', '2024-05-01');
});
