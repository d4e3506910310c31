/**
 * What a published site carries beside its pages, written once the pages are built:
 * - sitemap.xml (every page but the 404) and robots.txt that points at it, with absolute URLs (the site URL,
 *   or the local address with a warning when LAYERLENS_SITE_URL is not set);
 * - _headers: the Content-Security-Policy of every page gathered into one header (src/site/csp.ts), after
 *   checking that each page's own policy lists the hash of every inline script it runs, so that a new inline
 *   script fails the build here rather than being refused silently in readers' browsers.
 * The policy's inline-script hashes for Astro's config come from `inlineScriptHashes` below.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HEADER_ONLY_DIRECTIVES,
  inlineScripts,
  mergePolicies,
  pagePolicy,
  scriptHash,
  unhashedScripts,
} from '../site/csp.ts';
import { formatHeadersFile } from '../site/headers-file.ts';
import { robotsTxt, sitemapXml } from '../site/sitemap.ts';
import { absoluteUrl, LOCAL_SITE_URL } from '../site/urls.ts';

/** The hashes of every `<script is:inline>` in the .astro files under `srcDir` (for `security.csp`). */
export function inlineScriptHashes(srcDir: string): `sha256-${string}`[] {
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
  const bodies = files.flatMap((f) => inlineScripts(readFileSync(path.join(srcDir, f), 'utf8')));
  return [...new Set(bodies.map(scriptHash))];
}

/** Folders of the built site that hold no pages (data, figures, bundles, the search index). */
const NOT_PAGES = /^(data|figures|_astro|pagefind)(\/|$)/;

export function siteMeta(): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'layerlens-site-meta',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        if (!site)
          logger.warn(`LAYERLENS_SITE_URL is not set: the feed, sitemap and robots.txt point at ${LOCAL_SITE_URL}`);
        const pagePaths = pages.map((p) => p.pathname).filter((p) => !/^404\/?$/.test(p) && !/\.\w+$/.test(p));
        const sitemap = absoluteUrl(site, base, 'sitemap.xml');
        await writeFile(path.join(out, 'sitemap.xml'), sitemapXml(pagePaths.map((p) => absoluteUrl(site, base, p))));
        await writeFile(path.join(out, 'robots.txt'), robotsTxt(sitemap));
        const policy = await sitePolicy(out);
        await writeFile(path.join(out, '_headers'), formatHeadersFile({ 'Content-Security-Policy': policy }));
        logger.info(`wrote sitemap.xml (${pagePaths.length} pages), robots.txt and _headers (the CSP of every page)`);
      },
    },
  };
}

/** Every built page's policy merged into one, after checking each page's inline scripts against its own. */
async function sitePolicy(out: string): Promise<string> {
  const files = (await readdir(out, { recursive: true, encoding: 'utf8' })).filter(
    (f) => f.endsWith('.html') && !NOT_PAGES.test(f.split(path.sep).join('/')),
  );
  const policies: string[] = [];
  for (const file of files.sort()) {
    const html = await readFile(path.join(out, file), 'utf8');
    const policy = pagePolicy(html);
    if (policy === null) throw new Error(`${file}: no Content-Security-Policy <meta> (is security.csp on?)`);
    const refused = unhashedScripts(html, policy);
    if (refused.length > 0)
      throw new Error(
        `${file}: ${refused.length} inline script(s) whose hash the page's policy lacks, which browsers would refuse: ` +
          `${refused.map((s) => JSON.stringify(s.trim().slice(0, 60))).join(', ')}. An is:inline script must be ` +
          'literal text in a .astro file under src/ (its hash is taken from there).',
      );
    policies.push(policy);
  }
  return [mergePolicies(policies), ...HEADER_ONLY_DIRECTIVES].join('; ');
}
