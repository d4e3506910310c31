import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { ArticleFrontmatter } from './figures/frontmatter.ts';

/** Articles: MDX files in content/articles/ (LAYERLENS_CONTENT points the test fixtures elsewhere). */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: path.join(process.env.LAYERLENS_CONTENT ?? './content', 'articles') }),
  schema: ArticleFrontmatter,
});

export const collections = { articles };
