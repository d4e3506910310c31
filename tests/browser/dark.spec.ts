/**
 * Dark mode on the fixture site (axe.spec.ts checks every page in light and dark): the header toggle
 * switches the theme, and its choice survives a reload even
 * with the page's modules blocked (the inline head script applies it before the first paint); with no
 * stored choice the page follows the OS, live. And an unknown address answers 404 with the 404 page.
 */
import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { paperLuminance } from '../../scripts/lib/site-pages.ts';

const ARTICLES = readdirSync('tests/fixtures/basic/content/articles')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

test.describe('in a dark OS', () => {
  test.use({ colorScheme: 'dark' });

  test('an unknown address answers 404 with a page that links every article', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    const links = await page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const article of ARTICLES) expect(links).toContain(`/articles/${article}/`);
    expect(await paperLuminance(page)).toBeLessThan(0.05);
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
