/**
 * The site's Content-Security-Policy: no connection, script, image or frame from another origin, so that
 * "your photo never leaves your device" is enforced by the browser, not only promised. Astro's
 * `security.csp` writes it as a <meta> on every page, with the hashes of the scripts it bundles inline;
 * the hashes of our own `is:inline` scripts come from here; the build gathers the pages' policies into one
 * header for hosts that allow headers (src/integrations/site-meta.ts).
 */
import { createHash } from 'node:crypto';

/**
 * Every directive but script-src and style-src (Astro owns those two). Why each source is there:
 * - blob: and data: images: the reader's photo and recomputed figures are object URLs; PNG downloads data URLs;
 * - connect-src blob: data:: the page reads back its own object URLs (never another origin);
 * - worker-src blob:: the engine is a module worker from 'self'; tfjs's threaded wasm starts blob: workers.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Scripts from the site itself, and compiling WebAssembly (tfjs's wasm backend, pagefind's search). */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * Style elements and stylesheets from the site only (style-src-elem, with Astro's hashes); style attributes
 * are allowed (style-src-attr: figures place tiles with inline left/top/width), which cannot load anything:
 * a url() in them is still bound by img-src. No plain style-src: the rest falls back to default-src 'self'.
 */
export const STYLE_RESOURCES = [
  { resource: "'self'", kind: 'element' as const },
  { resource: "'unsafe-inline'", kind: 'attribute' as const },
];

/** Directives only a header can carry (a <meta> policy ignores them, with a console error). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'self'"];

/** The CSP hash source of a script's text, as the browser computes it over the exact characters. */
export function scriptHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The bodies of the `<script is:inline>` elements of an .astro file (Astro emits them character for character). */
export function inlineScripts(astroSource: string): string[] {
  return [...astroSource.matchAll(/<script\s+is:inline\s*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/** Directive name to its sources, in order, from a policy string. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** One policy that allows what each of the pages' policies allows (the union of each directive's sources). */
export function mergePolicies(policies: string[]): string {
  const merged = new Map<string, string[]>();
  for (const policy of policies)
    for (const [name, sources] of parsePolicy(policy))
      merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Undoes the entities a built attribute value may carry. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The policy of a built page's <meta http-equiv="content-security-policy">, or null when it has none. */
export function pagePolicy(html: string): string | null {
  const meta = html.match(/<meta\b[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i)?.[0];
  const content = meta?.match(/\bcontent=(["'])([\s\S]*?)\1/i)?.[2];
  return content === undefined ? null : decodeAttribute(content).trim();
}

/** The text of every inline script a built page would run (not JSON data, not a script with src). */
export function runnableInlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => {
      const type = attributes!.match(/\btype=["']?([^"'\s>]+)/i)?.[1]?.toLowerCase();
      return !/\bsrc=/i.test(attributes!) && (type === undefined || type === 'module' || type === 'text/javascript');
    })
    .map(([, , body]) => body!);
}

/** The inline scripts of a page whose hash its own policy does not list (the browser would refuse them). */
export function unhashedScripts(html: string, policy: string): string[] {
  const directives = parsePolicy(policy);
  const allowed = new Set([...(directives.get('script-src-elem') ?? []), ...(directives.get('script-src') ?? [])]);
  return runnableInlineScripts(html).filter((body) => !allowed.has(`'${scriptHash(body)}'`));
}
