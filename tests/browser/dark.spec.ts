/**
 * Dark mode on the fixture site: every article read in a dark OS has no serious or critical axe violations
 * (colour contrast included); the header toggle switches the theme, and its choice survives a reload even
 * with the page's modules blocked (the inline head script applies it before the first paint); with no
 * stored choice the page follows the OS, live. And an unknown address answers 404 with the 404 page.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const ARTICLES = readdirSync('tests/fixtures/basic/content/articles')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** Relative luminance (0 black to 1 white) of the page's background, as the browser resolved it. */
function paperLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.documentElement)
      .backgroundColor.match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

/** Scrolls to the end and back so that lazy images load and every live kind wakes its controls. */
async function readThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('in a dark OS', () => {
  test.use({ colorScheme: 'dark' });

  for (const article of ARTICLES) {
    test(`${article}: dark, and no serious accessibility violations`, async ({ page }) => {
      await page.goto(`/articles/${article}/?backend=wasm`);
      expect(await paperLuminance(page)).toBeLessThan(0.05);
      await readThrough(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('an unknown address answers 404 with a page that links every article', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const links = await page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const article of ARTICLES) expect(links).toContain(`/articles/${article}/`);
    expect(await paperLuminance(page)).toBeLessThan(0.05);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('the toggle switches the theme, the choice survives a reload (applied without the modules), and choosing the OS theme forgets it', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/articles/fixture/?backend=wasm');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await paperLuminance(page)).toBeGreaterThan(0.8);

  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await paperLuminance(page)).toBeLessThan(0.05);

  // Blocking every bundled script leaves only the inline head script to apply the stored choice.
  await page.route('**/_astro/**/*.js', (route) => route.abort());
  await page.reload();
  expect(await paperLuminance(page)).toBeLessThan(0.05);
  await page.unroute('**/_astro/**/*.js');
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Back to the OS's theme: the choice is forgotten, so the page follows the OS again.
  await toggle.click();
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await paperLuminance(page)).toBeGreaterThan(0.8);
  expect(await page.evaluate(() => localStorage.getItem('layerlens-theme'))).toBeNull();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await paperLuminance(page)).toBeLessThan(0.05);
});

test('with no stored choice the page follows the OS, also when it changes', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/articles/fixture/?backend=wasm');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await paperLuminance(page)).toBeLessThan(0.05);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await paperLuminance(page)).toBeGreaterThan(0.8);
  expect(await page.evaluate(() => localStorage.getItem('layerlens-theme'))).toBeNull();
});
