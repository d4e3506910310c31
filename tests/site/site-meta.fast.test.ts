/**
 * The site's published extras as pure functions: the base path and absolute URLs, the feed and sitemap
 * texts, the _headers file, and the Content-Security-Policy's hashing, parsing, merging and checking.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  inlineScripts,
  mergePolicies,
  pagePolicy,
  runnableInlineScripts,
  scriptHash,
  unhashedScripts,
} from '../../src/site/csp.ts';
import { rfc822, rssXml } from '../../src/site/feed.ts';
import { formatHeadersFile, parseHeadersFile } from '../../src/site/headers-file.ts';
import { escapeXml, robotsTxt, sitemapXml } from '../../src/site/sitemap.ts';
import { absoluteUrl, normaliseBase, siteLocation, withBase } from '../../src/site/urls.ts';

describe('site location', () => {
  it('normalises a base path to leading and trailing slashes', () => {
    for (const base of ['layerlens', '/layerlens', 'layerlens/', '/layerlens/'])
      expect(normaliseBase(base)).toBe('/layerlens/');
    expect(normaliseBase(undefined)).toBe('/');
    expect(normaliseBase('')).toBe('/');
    expect(normaliseBase('/a/b')).toBe('/a/b/');
  });
  it('reads the environment, and refuses a site URL without a scheme', () => {
    expect(siteLocation({})).toEqual({ site: undefined, base: '/' });
    expect(siteLocation({ LAYERLENS_SITE_URL: 'https://x.org', LAYERLENS_BASE: 'll' })).toEqual({
      site: 'https://x.org/',
      base: '/ll/',
    });
    expect(() => siteLocation({ LAYERLENS_SITE_URL: 'x.org' })).toThrow(/http/);
  });
  it('writes paths under the base and absolute URLs from the site, or the local address', () => {
    expect(withBase('/ll/', '/search/')).toBe('/ll/search/');
    expect(withBase('/', 'feed.xml')).toBe('/feed.xml');
    expect(absoluteUrl('https://x.org/ll/', '/ll/', 'articles/a/')).toBe('https://x.org/ll/articles/a/');
    expect(absoluteUrl(undefined, '/', '')).toBe('http://localhost:4321/');
  });
});

describe('feed and sitemap', () => {
  it('writes an RSS item per article, pubDate only where dated, text escaped', () => {
    const xml = rssXml({ title: 'T & co', description: 'd', link: 'https://x.org/', self: 'https://x.org/feed.xml' }, [
      { title: 'A <b>', description: "it's", link: 'https://x.org/a/', date: '2024-05-01' },
      { title: 'B', description: 'b', link: 'https://x.org/b/' },
    ]);
    expect(xml).toContain('<title>T &amp; co</title>');
    expect(xml).toContain('<title>A &lt;b&gt;</title>');
    expect(xml).toContain('<description>it&apos;s</description>');
    expect(xml.match(/<item>/g)).toHaveLength(2);
    expect(xml.match(/<pubDate>/g)).toHaveLength(1);
    expect(rfc822('2024-05-01')).toBe('Wed, 01 May 2024 00:00:00 GMT');
  });
  it('lists each URL once, sorted; robots.txt names the sitemap', () => {
    const xml = sitemapXml(['https://x.org/b/', 'https://x.org/a/?q=1&r=2', 'https://x.org/b/']);
    expect([...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1])).toEqual([
      'https://x.org/a/?q=1&amp;r=2',
      'https://x.org/b/',
    ]);
    expect(robotsTxt('https://x.org/sitemap.xml')).toMatch(/^Sitemap: https:\/\/x\.org\/sitemap\.xml$/m);
    expect(escapeXml(`<"'&>`)).toBe('&lt;&quot;&apos;&amp;&gt;');
  });
});

describe('_headers', () => {
  it('reads back what it writes, and only the catch-all block', () => {
    const text = formatHeadersFile({ 'Content-Security-Policy': "default-src 'self'", 'X-A': 'b: c' });
    expect(parseHeadersFile(text)).toEqual({ 'Content-Security-Policy': "default-src 'self'", 'X-A': 'b: c' });
    expect(parseHeadersFile(`# note\n/data/*\n  Cache-Control: max-age=60\n${text}`)).toEqual(parseHeadersFile(text));
    expect(parseHeadersFile('')).toEqual({});
  });
});

describe('Content-Security-Policy', () => {
  it('hashes a script as the browser does (SHA-256 of its exact UTF-8 text, base64)', () => {
    const text = '\n  document.title = "é";\n';
    expect(scriptHash(text)).toBe(`sha256-${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('base64')}`);
    expect(scriptHash(text)).not.toBe(scriptHash(text.trim()));
  });
  it("finds an .astro file's is:inline scripts, and a built page's runnable inline scripts", () => {
    const astro = '<script is:inline>\n  a();\n</script>\n<script>import "x";</script><script is:inline>b()</script>';
    expect(inlineScripts(astro)).toEqual(['\n  a();\n', 'b()']);
    const html =
      '<script>one()</script><script type="module">two()</script><script type="application/json">{}</script>' +
      '<script type="module" src="/x.js"></script>';
    expect(runnableInlineScripts(html)).toEqual(['one()', 'two()']);
  });
  it("reads a page's <meta> policy and reports the inline scripts it does not allow", () => {
    const allowed = scriptHash('one()');
    const html = `<head><meta http-equiv="content-security-policy" content="script-src 'self' '${allowed}'"></head><script>one()</script><script>two()</script>`;
    const policy = pagePolicy(html)!;
    expect(policy).toBe(`script-src 'self' '${allowed}'`);
    expect(unhashedScripts(html, policy)).toEqual(['two()']);
    expect(pagePolicy('<head></head>')).toBeNull();
  });
  it('merges pages’ policies into one that allows what each allows', () => {
    expect(mergePolicies(["default-src 'self'; script-src 'self' 'sha256-a'", "script-src 'self' 'sha256-b'"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'",
    );
  });
});
