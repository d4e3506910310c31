/**
 * `astro dev` precomputes as the author writes: saving an article computes the figures it gained (only
 * those missing from the cache), adds them to the manifest and reloads the page. Problems print in the
 * terminal with file and line, and the server keeps serving. `astro build` is untouched (npm run build
 * precomputes everything first).
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { PROJECT_ROOT, contentDir } from '../node/paths.ts';

const EDIT_MODULE = 'src/node/precompute/article-edit.ts';
import type * as EditModule from '../node/precompute/article-edit.ts';

export function devPrecompute(): AstroIntegration {
  return {
    name: 'layerlens-dev-precompute',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const articles = path.join(contentDir(), 'articles');
        // A content folder outside the project (LAYERLENS_CONTENT) is not watched by Vite unless added.
        server.watcher.add(articles);
        // The engine (tfjs and its wasm) loads on the first edit, not when the dev server starts, through Vite
        // (which compiles the TypeScript Node's own type stripping refuses).
        let queue: ((file: string) => Promise<void>) | null = null;
        const handle = async (file: string) => {
          if (!queue) {
            const edit = (await server.ssrLoadModule(path.join(PROJECT_ROOT, EDIT_MODULE))) as typeof EditModule;
            queue = edit.editQueue((f) =>
              edit.precomputeArticle(f, {
                info: (line) => logger.info(line),
                error: (line) => logger.error(line),
                reload: () => server.ws.send({ type: 'full-reload' }),
              }),
            );
          }
          await queue(file);
        };
        const onFile = (file: string) => {
          if (!file.endsWith('.mdx') || !file.startsWith(articles + path.sep)) return;
          handle(file).catch((error: unknown) => logger.error(String(error)));
        };
        server.watcher.on('change', onFile);
        server.watcher.on('add', onFile);
      },
    },
  };
}
