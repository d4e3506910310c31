/**
 * The static server's answer to an unknown path: the site's own 404.html with status 404 where the build
 * wrote one (Astro's src/pages/404.astro), plain "Not found" where it did not; known paths still answer 200.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/static-server.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'layerlens-static-'));
  for (const site of ['with-404', 'without-404']) {
    await mkdir(path.join(work, site, 'articles', 'a'), { recursive: true });
    await writeFile(path.join(work, site, 'index.html'), '<h1>home</h1>');
    await writeFile(path.join(work, site, 'articles', 'a', 'index.html'), '<h1>article a</h1>');
  }
  await writeFile(path.join(work, 'with-404', '404.html'), '<h1>Page not found</h1>');
  await writeFile(path.join(work, 'with-404', '_headers'), "/*\n  Content-Security-Policy: default-src 'self'\n");
});

afterAll(() => rm(work, { recursive: true, force: true }));

/** Serves one site folder on a free port for the length of `check`. */
async function withSite(site: string, check: (base: string) => Promise<void>, prefix = '/'): Promise<void> {
  const server = await serveStatic(path.join(work, site), 0, '127.0.0.1', prefix);
  try {
    await check(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((done) => server.close(done));
  }
}

describe('serveStatic', () => {
  it('answers an unknown path with the site 404 page and status 404', () =>
    withSite('with-404', async (base) => {
      const missing = await fetch(`${base}/no/such/page/`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/text\/html/);
      expect(await missing.text()).toBe('<h1>Page not found</h1>');
      const known = await fetch(`${base}/articles/a/`);
      expect(known.status).toBe(200);
      expect(await known.text()).toBe('<h1>article a</h1>');
    }));

  it('falls back to plain text where the site has no 404 page', () =>
    withSite('without-404', async (base) => {
      const missing = await fetch(`${base}/nowhere.png`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('Not found');
    }));

  it("sends the site's _headers with every answer, the 404 included", () =>
    withSite('with-404', async (base) => {
      for (const url of [`${base}/`, `${base}/no/such/page/`])
        expect((await fetch(url)).headers.get('content-security-policy')).toBe("default-src 'self'");
    }));

  it('serves the site under a base path, and nothing outside it', () =>
    withSite(
      'without-404',
      async (base) => {
        expect(await (await fetch(`${base}/layerlens/articles/a/`)).text()).toBe('<h1>article a</h1>');
        expect((await fetch(`${base}/articles/a/`)).status).toBe(404);
        expect((await fetch(`${base}/layerlens/`)).headers.get('content-security-policy')).toBeNull();
      },
      '/layerlens/',
    ));
});
