/**
 * Serves the fetched packs (models/store/<pack>/...) at /data/<pack>/... : from the store in `astro dev`,
 * and copied into the built site by `astro build`. Files whose rights are not cleared (publish: false in
 * the registry) are never copied into the site.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import { link, mkdir, copyFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packs } from '../registry/index.ts';
import { storeDir } from '../node/paths.ts';

export const DATA_PREFIX = 'data';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/** Registry paths that must stay out of a published site, as "<pack>/<file>". */
function unpublished(): Set<string> {
  return new Set(packs.flatMap((p) => p.files.filter((f) => f.publish === false).map((f) => `${p.id}/${f.path}`)));
}

export function packFiles(): AstroIntegration {
  return {
    name: 'layerlens-pack-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`/${DATA_PREFIX}/`, (req, res, next) => {
          const relative = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\/+/, ''));
          const file = path.join(storeDir(), relative);
          if (!file.startsWith(storeDir() + path.sep)) return next();
          stat(file).then(
            (info) => {
              if (!info.isFile()) return next();
              res.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
              createReadStream(file).pipe(res);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = path.join(fileURLToPath(dir), DATA_PREFIX);
        const count = await copyStore(storeDir(), target, unpublished());
        logger.info(`copied ${count} fetched model and image files into /${DATA_PREFIX}/`);
      },
    },
  };
}

/** Hard-links (or copies, across devices) every published file of the store into the site. */
async function copyStore(store: string, target: string, skip: Set<string>): Promise<number> {
  let count = 0;
  for (const pack of await readdir(store).catch(() => [] as string[])) {
    for (const file of await readdir(path.join(store, pack), { recursive: true })) {
      const from = path.join(store, pack, file);
      if (skip.has(`${pack}/${file}`) || !(await stat(from)).isFile()) continue;
      const to = path.join(target, pack, file);
      await mkdir(path.dirname(to), { recursive: true });
      await link(from, to).catch(() => copyFile(from, to));
      count++;
    }
  }
  return count;
}
