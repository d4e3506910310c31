/**
 * Full-text search with no server: once the pages are built, pagefind indexes the articles' bodies (the
 * elements marked data-pagefind-body) and writes its index and its small search library into /pagefind/;
 * the /search/ page loads that library on the reader's first keystroke (src/client/search.ts).
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * What the index skips inside an article: a figure's insides but its caption (tables, labels, controls), its
 * state line and recipe, the photo control, and MathML (its text reads as a jumble of symbols in an excerpt).
 */
const NOT_INDEXED = ['.ll-figure > :not(figcaption)', '.ll-state', '.ll-recipe', 'button', 'form', '.ll-photo', 'math'];

export function siteSearch(): AstroIntegration {
  return {
    name: 'layerlens-site-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_INDEXED, forceLanguage: 'en' });
        try {
          if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: out, glob: 'articles/**/*.html' });
          const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
          const problems = [...added.errors, ...written.errors];
          if (problems.length > 0) throw new Error(`pagefind: ${problems.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages for search into /pagefind/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
