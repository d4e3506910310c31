/**
 * axe on every page of the fixture site, in light and in dark, with no violation of any impact. The pages
 * are the built HTML files of tests/fixtures/basic/dist, so a page added later is covered without editing
 * this file. Each page is loaded once (light), read through so that lazy images load and every live kind
 * wakes its controls, checked, then switched to a dark OS in place (the site's colours follow
 * prefers-color-scheme live through light-dark()) and checked again.
 */
import { expect, test } from '@playwright/test';
import { axeViolations, builtPages, paperLuminance, readThrough } from '../../scripts/lib/site-pages.ts';

const PAGES = builtPages('tests/fixtures/basic/dist');

test('the fixture site has pages to check', () => {
  // A wrong dist path would otherwise pass with no page checked at all.
  expect(PAGES).toContain('/');
  expect(PAGES.filter((p) => p.startsWith('/articles/')).length).toBeGreaterThan(5);
});

for (const pagePath of PAGES) {
  test(`${pagePath}: no axe violations in light or in dark`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    // wasm: a live kind that computes on waking does so quickly (software WebGPU is slow here).
    await page.goto(`${pagePath}?backend=wasm`);
    await readThrough(page);
    expect(await paperLuminance(page)).toBeGreaterThan(0.8);
    expect(await axeViolations(page), 'light').toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await paperLuminance(page)).toBeLessThan(0.05);
    expect(await axeViolations(page), 'dark').toEqual([]);
  });
}
