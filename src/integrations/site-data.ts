/**
 * Serves the data a built site needs beside its pages:
 * - /data/<pack>/... : fetched models and images (models/store/), and the articles' own images and image sets
 *   (the content folder's images/ and image-sets/), for in-browser recomputes;
 * - /figures/...     : precomputed figure images and metadata (the precompute cache).
 * In `astro dev` both are served from where they live; `astro build` copies them into the site. Files whose
 * rights are not cleared (publish: false in the registry) are never copied.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURES_URL, manifestFiles, readManifest } from '../figures/manifest.ts';
import { packs } from '../registry/index.ts';
import { packDir, storeDir, workDir } from '../node/paths.ts';
import { contentPacks } from '../figures/image-packs.ts';
import { contentType } from '../node/content-types.ts';

export const DATA_URL = 'data';

/** Registry paths that must stay out of a published site, as "<pack>/<file>". */
function unpublished(): Set<string> {
  return new Set(packs.flatMap((p) => p.files.filter((f) => f.publish === false).map((f) => `${p.id}/${f.path}`)));
}

export function siteData(): AstroIntegration {
  return {
    name: 'layerlens-site-data',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // The articles' own images and image sets are read where they are, in the content folder.
        for (const pack of contentPacks())
          server.middlewares.use(
            `/${DATA_URL}/${pack.id}/`,
            serveFrom(() => packDir(pack.id)),
          );
        server.middlewares.use(`/${DATA_URL}/`, serveFrom(storeDir));
        server.middlewares.use(
          `/${FIGURES_URL}/`,
          serveFrom(() => path.join(workDir(), 'cache', 'files')),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const skip = unpublished();
        const packFiles = await storeFiles(storeDir());
        const published = packFiles.filter((f) => !skip.has(f));
        await Promise.all(published.map((f) => place(path.join(storeDir(), f), path.join(site, DATA_URL, f))));
        const own = contentPacks().flatMap((pack) => pack.files.map((f) => `${pack.id}/${f.path}`));
        // A content file may be a link (the fixture's link to mirror photos): place the file it points at.
        await Promise.all(
          own.map(async (f) => {
            const [pack, ...rest] = f.split('/');
            await place(await realpath(path.join(packDir(pack!), ...rest)), path.join(site, DATA_URL, f));
          }),
        );
        const manifest = readManifest();
        const figures = manifestFiles(manifest);
        await Promise.all(
          figures.map((f) => place(path.join(manifest.cacheFiles, f), path.join(site, FIGURES_URL, f))),
        );
        logger.info(
          `placed ${published.length} model and image files and ${own.length} content images in /${DATA_URL}/ and ${figures.length} figure files in /${FIGURES_URL}/`,
        );
      },
    },
  };
}

function serveFrom(root: () => string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const relative = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/+/, ''));
    const file = path.join(root(), relative);
    if (!file.startsWith(root() + path.sep)) return next();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return next();
        res.setHeader('Content-Type', contentType(file));
        createReadStream(file).pipe(res);
      },
      () => next(),
    );
  };
}

/** Every file of the store as "<pack>/<path>". */
async function storeFiles(store: string): Promise<string[]> {
  const files: string[] = [];
  for (const pack of await readdir(store).catch(() => [] as string[])) {
    for (const file of await readdir(path.join(store, pack), { recursive: true })) {
      if ((await stat(path.join(store, pack, file))).isFile()) files.push(`${pack}/${file}`);
    }
  }
  return files;
}

/** Hard-links (copies across devices) a file into the site. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}
