/**
 * The site around the articles, on the fixture site: the RSS feed and the sitemap parse and list every
 * article, robots.txt points at the sitemap, and search finds a word only one article has and links to it
 * (and says, without JavaScript, that it needs it), with no axe violation in light or dark. Then the same
 * site built under a base path with a site URL (astro build only: the figures are cached) and served there
 * with its _headers: no built file names a root path outside the base, every request stays under it, and a
 * reader's photo recomputes an article on wasm with no Content-Security-Policy violation, while a fetch to
 * another origin is refused by the policy.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { photoPath } from '../helpers/images.ts';
import { dropPhoto, photoOutcome } from './page-helpers.ts';

const CONTENT = 'tests/fixtures/basic/content';
const ARTICLES = readdirSync(`${CONTENT}/articles`)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** The text of every <loc>/<link> of an XML document, parsed by the browser (which fails on malformed XML). */
async function xmlLinks(page: Page, url: string, selector: string): Promise<string[]> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  const text = await response.text();
  return page.evaluate(
    ([xml, query]) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error(`not well-formed XML: ${xml.slice(0, 200)}`);
      return [...doc.querySelectorAll(query)].map((e) => e.textContent ?? '');
    },
    [text, selector] as const,
  );
}

const pathname = (url: string) => new URL(url).pathname;

test('the feed and the sitemap list every article, and robots.txt points at the sitemap', async ({ page }) => {
  await page.goto('/');
  const feedHref = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
  const feed = (await xmlLinks(page, feedHref!, 'rss > channel > item > link')).map(pathname);
  const sitemap = (await xmlLinks(page, '/sitemap.xml', 'urlset > url > loc')).map(pathname);
  for (const article of ARTICLES) {
    expect(feed).toContain(`/articles/${article}/`);
    expect(sitemap).toContain(`/articles/${article}/`);
  }
  expect(feed).toHaveLength(ARTICLES.length);
  expect(sitemap).toEqual(expect.arrayContaining(['/', '/search/', '/credits/']));
  expect(sitemap).not.toContain('/404/');
  const robots = await (await page.request.get('/robots.txt')).text();
  expect(pathname(robots.match(/^Sitemap: (\S+)$/m)![1]!)).toBe('/sitemap.xml');
});

test('search finds a word that only one article has and links to it; without JavaScript it says why not', async ({
  page,
  browser,
}) => {
  const word = 'upside';
  const having = ARTICLES.filter((a) => readFileSync(`${CONTENT}/articles/${a}.mdx`, 'utf8').includes(word));
  expect(having).toHaveLength(1);
  await page.goto('/');
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Words to find in the articles' }).pressSequentially(word);
  await expect(page.getByRole('status')).toHaveText('1 article found.');
  const result = page.locator('#ll-search-results li');
  await expect(result).toHaveCount(1);
  await expect(result.locator('mark').first()).toContainText(word);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${scheme}: ${v.id}`)).toEqual([]);
  }
  await result.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/articles/${having[0]}/$`));

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(page.url().replace(/\/articles\/.*$/, '/search/'));
  // Playwright's text matching skips <noscript>, so the message is read by its class.
  const message = plain.locator('.ll-search-nojs');
  await expect(message).toBeVisible();
  expect(await message.textContent()).toContain('Search runs in your browser and needs JavaScript');
  await expect(message.locator('a')).toHaveAttribute('href', '/');
  await noScript.close();
});

test.describe('built under a base path, with its Content-Security-Policy', () => {
  const BASE = '/layerlens/';
  let out: string;
  let origin: string;
  let close: () => Promise<void>;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    out = await mkdtemp(path.join(tmpdir(), 'layerlens-base-'));
    await promisify(execFile)('npx', ['astro', 'build', '--outDir', out], {
      env: {
        ...process.env,
        LAYERLENS_CONTENT: CONTENT,
        LAYERLENS_WORK: '.layerlens/fixture',
        LAYERLENS_BASE: BASE,
        LAYERLENS_SITE_URL: 'https://example.org/layerlens/',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const server = await serveStatic(out, 0, '127.0.0.1', BASE);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((done) => server.close(() => done()));
  });
  test.afterAll(async () => {
    await close?.();
    if (out) await rm(out, { recursive: true, force: true });
  });

  test('no page, script or stylesheet names a root path outside the base; the feed uses the site URL', async () => {
    const files = (await readdir(out, { recursive: true, encoding: 'utf8' })).filter(
      (f) => /\.(html|js|css)$/.test(f) && !/^(data|figures|pagefind)\//.test(f),
    );
    const outside: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(out, file), 'utf8');
      const attributes = text.matchAll(/\b(?:href|src|action|srcset|data-[\w-]+)="(\/[^"]*)"/g);
      const literals = text.matchAll(/["'(`](\/(?:_astro|data|figures|pagefind|articles|search)\/[^"'`)]*)/g);
      for (const [, url] of [...attributes, ...literals]) if (!url!.startsWith(BASE)) outside.push(`${file}: ${url}`);
    }
    expect(outside).toEqual([]);
    const feed = await readFile(path.join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('<link>https://example.org/layerlens/articles/kernels/</link>');
  });

  test("a reader's photo recomputes on wasm under the base with no policy violation; another origin is refused", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const requests: string[] = [];
    const failures: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => void (r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`)));
    // Were the policy missing, this route would answer the cross-origin fetch below.
    await page.route('https://example.org/**', (route) => route.fulfill({ body: 'reached' }));

    const response = await page.goto(`${origin}${BASE}articles/kernels/?backend=wasm`);
    expect(response!.headers()['content-security-policy']).toContain("connect-src 'self'");
    await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
    await dropPhoto(page, readFileSync(photoPath('coffee.png')), 'coffee.png', 'image/png');
    expect((await photoOutcome(page)).state).toBe('done');
    await expect(page.locator('.ll-figure[data-recipe]').first()).toHaveAttribute('data-state', 'done');
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(await violations()).toEqual([]);

    const answer = await page.evaluate(() =>
      fetch('https://example.org/upload').then(
        (r) => r.text(),
        () => 'refused',
      ),
    );
    expect(answer).toBe('refused');
    // Refused twice: by the header's policy and by the page's <meta> one, each enforced on its own.
    const refusal = 'connect-src https://example.org/upload';
    await expect.poll(violations).toEqual([refusal, refusal]);

    const own = requests.filter((url) => url.startsWith(origin)).map((url) => new URL(url).pathname);
    expect(own.filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(own.some((p) => p.includes('/data/'))).toBe(true);
    expect(failures).toEqual([]);
  });
});
