/**
 * npm run new -- "Title of the article"
 * Writes content/articles/<slug>.mdx (LAYERLENS_CONTENT moves the content folder): frontmatter the build
 * accepts (the title, a description marked TODO to rewrite, the photo chelsea.png, the next `order`, today's
 * date, a cover) and one example figure with its caption. Refuses a slug that exists; prints the file and
 * the next command.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, PROJECT_ROOT } from '../src/node/paths.ts';
import { scanArticle } from '../src/figures/scan.ts';
import { runMain } from './lib/main.ts';

const USAGE = 'Usage: npm run new -- "Title of the article"';

/** The file name of a title: lower-case ASCII words joined by dashes ("Über Filters!" is uber-filters). */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One more than the highest `order` of the articles in `dir` (default 100 where one has none), or 1. */
async function nextOrder(dir: string): Promise<number> {
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.mdx')) : [];
  const orders = await Promise.all(
    files.map(async (file) => {
      const order = (await scanArticle(path.join(dir, file))).frontmatter.order;
      return typeof order === 'number' ? order : 100;
    }),
  );
  return orders.length ? Math.max(...orders) + 1 : 1;
}

/** The article's text: frontmatter, a first paragraph to replace, one figure with its caption. */
function articleText(title: string, order: number, date: string): string {
  return `---
title: ${JSON.stringify(title)}
description: 'TODO: say in one sentence what the reader will see (the index and link previews show it).'
photo: chelsea.png
order: ${order}
date: ${date}
# author: Your Name
cover: first-layer
---

TODO: your first paragraph. Every field above and every figure's props, with their defaults, are listed on
the reference page (/reference/ once \`npm run dev\` runs).

<FeatureMapGrid name="first-layer" layer="conv2d_1" channels={[0, 1, 2, 3, 4, 5, 6, 7]} columns={4}>
  What eight of the first layer's filters find in the photo; each map is scaled to its own range.
</FeatureMapGrid>
`;
}

runMain(async () => {
  const title = process.argv.slice(2).join(' ').trim();
  const slug = slugOf(title);
  if (!slug) throw new Error(`Give the article a title with at least one letter or digit. ${USAGE}`);
  const dir = path.join(contentDir(), 'articles');
  const file = path.join(dir, `${slug}.mdx`);
  const inside = !path.relative(PROJECT_ROOT, file).startsWith('..');
  const shown = inside ? path.relative(PROJECT_ROOT, file) : file;
  if (existsSync(file)) throw new Error(`${shown} exists already: choose another title, or edit that file. ${USAGE}`);
  const order = await nextOrder(dir);
  await mkdir(dir, { recursive: true });
  await writeFile(file, articleText(title, order, new Date().toISOString().slice(0, 10)), { flag: 'wx' });
  process.stdout.write(
    `Wrote ${shown} (order ${order}).\nNext: npm run precompute, then npm run dev and open /articles/${slug}/\n`,
  );
});
