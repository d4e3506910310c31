/**
 * Finding one's way on the fixture site: the home page's cards (one per article, in reading order, each
 * picture loaded), the previous/next chain through every article, the table of contents following the
 * reading position (a margin list on a wide screen, a "Contents" disclosure on a phone), the header's
 * current section, and the link-preview tags with their generated 1200 x 630 PNG. Axe, light and dark, on
 * the home and about pages.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const ARTICLES = readdirSync('tests/fixtures/basic/content/articles').filter((f) => f.endsWith('.mdx'));

const pathOf = (href: string) => new URL(href).pathname;

/** The section links of the header, with their aria-current. */
function currentSections(page: Page): Promise<[string, string | null][]> {
  return page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => [a.textContent!.trim(), a.getAttribute('aria-current')]));
}

/** Fetches the page's og:image (made absolute on the page's origin) and reads the PNG's size from its IHDR. */
async function previewImage(page: Page): Promise<{ status: number; type: string; size: [number, number] }> {
  const url = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(url).toMatch(/^https?:\/\//);
  const response = await page.request.get(new URL(new URL(url!).pathname, page.url()).href);
  const bytes = await response.body();
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return {
    status: response.status(),
    type: response.headers()['content-type'] ?? '',
    size: [bytes.readUInt32BE(16), bytes.readUInt32BE(20)],
  };
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the home page has a card per article whose thumbnail loads, and a previous/next chain visits them all', async ({
  page,
}) => {
  await page.goto('/');
  expect(await currentSections(page)).toEqual([
    ['Articles', 'page'],
    ['Reference', null],
    ['About', null],
    ['Search', null],
  ]);
  const cards = page.locator('.ll-card');
  await expect(cards).toHaveCount(ARTICLES.length);
  // The site's own preview card.
  expect(await previewImage(page)).toEqual({ status: 200, type: 'image/png', size: [1200, 630] });
  const hrefs: string[] = [];
  for (const [i, card] of (await cards.all()).entries()) {
    await card.scrollIntoViewIfNeeded();
    const image = card.locator('img');
    await expect(image).toHaveAttribute('loading', i < 2 ? 'eager' : 'lazy');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    // A thumbnail, not the figure itself (a cover figure can be a megabyte of PNG).
    const picture = await page.request.get(await image.evaluate((img: HTMLImageElement) => img.currentSrc));
    expect(picture.headers()['content-type']).toBe('image/webp');
    expect((await picture.body()).byteLength).toBeLessThan(100_000);
    await expect(card).toContainText(`Part ${i + 1} of ${ARTICLES.length}`);
    await expect(card).toContainText(/\d+ min read/);
    hrefs.push(pathOf(await card.getByRole('link').evaluate((a: HTMLAnchorElement) => a.href)));
  }
  expect(hrefs.map((h) => /^\/articles\/([^/]+)\/$/.exec(h)?.[1] + '.mdx').sort()).toEqual([...ARTICLES].sort());

  // From the first card, "Next" leads through every article in the cards' order, and "Previous" leads back.
  const visited: string[] = [];
  await page.goto(hrefs[0]!, { waitUntil: 'domcontentloaded' });
  for (;;) {
    visited.push(new URL(page.url()).pathname);
    const previous = page.getByRole('navigation', { name: 'Previous and next articles' }).locator('a[rel="prev"]');
    if (visited.length > 1)
      expect(pathOf(await previous.evaluate((a: HTMLAnchorElement) => a.href))).toBe(visited.at(-2));
    else await expect(previous).toHaveCount(0);
    const next = page.locator('a[rel="next"]');
    if ((await next.count()) === 0) break;
    await next.click();
  }
  expect(visited).toEqual(hrefs);
});

test('an article: its section is current in the header, the table of contents follows the reading, the preview card is its own', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/articles/sections/');
  expect(await currentSections(page)).toEqual([
    ['Articles', 'true'],
    ['Reference', null],
    ['About', null],
    ['Search', null],
  ]);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toMatch(/\/og\/sections\.png$/);
  expect(await previewImage(page)).toEqual({ status: 200, type: 'image/png', size: [1200, 630] });

  // On a wide screen the list sits in the left margin, open, and stays in view as the article scrolls.
  const toc = page.getByRole('navigation', { name: 'Contents' });
  const column = (await page.locator('.ll-article h1').boundingBox())!;
  await expect(toc.getByRole('link', { name: 'First section' })).toBeVisible();
  expect((await toc.boundingBox())!.x + (await toc.boundingBox())!.width).toBeLessThanOrEqual(column.x);
  const current = toc.locator('a[aria-current="location"]');
  await expect(current).toHaveText('First section');
  for (const section of ['Third section', 'A subsection', 'Second section']) {
    await page.getByRole('heading', { name: section }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect(current).toHaveText(section);
    await expect(current).toHaveCount(1);
    expect((await toc.boundingBox())!.y).toBeGreaterThanOrEqual(0); // sticky: still on screen
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(current).toHaveText('Last section');

  // On a phone: a closed "Contents" disclosure after the lede, opened by keyboard, its links plain anchors.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const summary = toc.locator('summary');
  await expect(toc.getByRole('link', { name: 'Third section' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await summary.focus();
  await page.keyboard.press('Enter');
  await toc.getByRole('link', { name: 'Third section' }).click();
  await expect(page).toHaveURL(/#third-section$/);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`home, about and reference in ${scheme}: the header marks the section, and axe finds nothing`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    for (const card of await page.locator('.ll-card').all()) await card.scrollIntoViewIfNeeded();
    expect(await violations(page)).toEqual([]);
    await page.goto('/about/');
    expect(await currentSections(page)).toEqual([
      ['Articles', null],
      ['Reference', null],
      ['About', 'page'],
      ['Search', null],
    ]);
    for (const path of ['/engine/', '/reference/', '/credits/'])
      await expect(page.locator(`main a[href="${path}"]`)).toHaveCount(1);
    expect(await violations(page)).toEqual([]);
    if (scheme === 'dark') return;
    await page.goto('/reference/images/');
    expect((await currentSections(page)).find(([name]) => name === 'Reference')).toEqual(['Reference', 'true']);
  });
}
