/**
 * A minimal static file server for the built site, used by the browser tests and the benchmark (astro
 * preview allows one instance per project, which a crashed run can leave behind). Loopback only. It sends
 * the headers of the site's `_headers` file (the Content-Security-Policy) with every answer, as Netlify
 * would, and can serve the site under a base path, as a host that publishes it at /<base>/ would.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { contentType } from '../../src/node/content-types.ts';
import { parseHeadersFile } from '../../src/site/headers-file.ts';

/** Resolves a URL path inside root ("/a/" serves "/a/index.html"); null when outside root or absent. */
async function resolve(root: string, urlPath: string): Promise<string | null> {
  const clean = decodeURIComponent(urlPath.split('?')[0]!);
  let file = path.join(root, clean);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = path.join(file, 'index.html');
  return (await stat(file).catch(() => null))?.isFile() ? file : null;
}

/** The site's own 404 page (Astro writes 404.html at the root) with status 404; plain text if it has none. */
async function notFound(root: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const page = path.join(root, '404.html');
  if ((await stat(page).catch(() => null))?.isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': contentType(page) });
    createReadStream(page).pipe(res);
  } else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
}

/** Serves `root` at `base` ("/" or "/layerlens/"); a path outside the base is not found. */
export function serveStatic(root: string, port: number, host = '127.0.0.1', base = '/'): Promise<Server> {
  const absolute = path.resolve(root);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const inside = url.startsWith(base) ? `/${url.slice(base.length)}` : null;
    // Read on every request, so that a rebuilt site is served with its new policy.
    const headersFile = readFile(path.join(absolute, '_headers'), 'utf8').catch(() => '');
    void Promise.all([inside === null ? null : resolve(absolute, inside), headersFile]).then(([file, text]) => {
      const headers = parseHeadersFile(text);
      if (!file) {
        void notFound(absolute, res, headers);
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': contentType(file) });
      createReadStream(file).pipe(res);
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}
