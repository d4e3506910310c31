/**
 * An article's frontmatter: one schema for the site (Astro's content collection) and for the precompute,
 * which checks it first (check-frontmatter.ts). No other imports, so the content config stays light.
 */
import { z } from 'zod';

export const ArticleFrontmatter = z
  .object({
    /** Title, shown as the page heading and in the index. */
    title: z.string().min(1).describe('Title, shown as the page heading and in the index.'),
    /** One-sentence summary for the index and link previews. */
    description: z.string().min(1).describe('One-sentence summary for the index and link previews.'),
    /** The article's photo; figures use it unless they name another. */
    photo: z
      .string()
      .min(1)
      .describe('The article\'s photo: a file of images-photos (e.g. chelsea.png) or "<pack>/<file>".'),
    /** Position in the index (lower first). */
    order: z.number().default(100).describe('Position in the index (lower first; default 100).'),
    /** A .bib file of the article's own, beside the site's references.bib. */
    bibliography: z
      .string()
      .min(1)
      .optional()
      .describe("A .bib file of the article's own, relative to the content folder (besides references.bib)."),
  })
  .strict();
