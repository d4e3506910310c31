/**
 * The `_headers` file the build writes beside the pages: Netlify's and Cloudflare Pages' format, which both
 * apply as they are, and which scripts/lib/static-server.ts applies too, so that the tests see the headers
 * a deployed site sends. Only the catch-all `/*` block is written and read.
 */

/** The file's text: one `/*` block with each header on its own indented line. */
export function formatHeadersFile(headers: Record<string, string>): string {
  return `/*\n${Object.entries(headers)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('')}`;
}

/** The headers of the file's `/*` block (other blocks, comments and blank lines are skipped). */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inCatchAll = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inCatchAll = line.trim() === '/*';
      continue;
    }
    const colon = line.indexOf(':');
    if (inCatchAll && colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
