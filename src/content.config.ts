import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';

/** Articles: MDX files in content/articles/ (LAYERLENS_CONTENT points the test fixtures elsewhere). */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: path.join(process.env.LAYERLENS_CONTENT ?? './content', 'articles') }),
  schema: z.object({
    /** Title, shown as the page heading and in the index. */
    title: z.string(),
    /** One-sentence summary for the index and link previews. */
    description: z.string(),
    /** The article's photo: a file of images-photos (or "<pack>/<file>"); figures use it unless they name another. */
    photo: z.string(),
    /** Position in the index (lower first). */
    order: z.number().default(100),
  }),
});

export const collections = { articles };
