/**
 * Where the site lives: its public URL (LAYERLENS_SITE_URL) and the path it is served under (LAYERLENS_BASE),
 * read once by astro.config.mjs; and the helpers pages use to write links that honour both.
 */

/** What a built site is addressed as when no site URL is set: the address `npm run serve` answers on. */
export const LOCAL_SITE_URL = 'http://localhost:4321/';

export interface SiteLocation {
  /** The deployed origin and path, e.g. "https://example.org/layerlens/" (undefined: not set). */
  site: string | undefined;
  /** The path every URL of the site starts with: "/" or "/layerlens/" (always with both slashes). */
  base: string;
}

/** "/layerlens", "layerlens/" and "/layerlens/" all mean "/layerlens/"; empty means "/". */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Reads LAYERLENS_SITE_URL and LAYERLENS_BASE; a site URL that does not parse fails the build here. */
export function siteLocation(env: Record<string, string | undefined>): SiteLocation {
  const raw = env.LAYERLENS_SITE_URL?.trim();
  if (raw && !/^https?:\/\//.test(raw))
    throw new Error(`LAYERLENS_SITE_URL must start with http:// or https:// (got "${raw}")`);
  return { site: raw ? new URL(raw).href : undefined, base: normaliseBase(env.LAYERLENS_BASE) };
}

/** A path of the site ("search/", "feed.xml") under the base the build was configured with. */
export function withBase(base: string, sitePath: string): string {
  return `${normaliseBase(base)}${sitePath.replace(/^\/+/, '')}`;
}

/**
 * The absolute URL of a path of the site, for what must be absolute (the feed, the sitemap, link previews).
 * `site` is Astro's `site` (its origin is used; the path comes from the base), or the local address.
 */
export function absoluteUrl(site: URL | string | undefined, base: string, sitePath: string): string {
  return new URL(withBase(base, sitePath), site ?? LOCAL_SITE_URL).href;
}
