/**
 * An article's frontmatter: one schema for the site (Astro's content collection) and for the precompute,
 * which checks it first (check-frontmatter.ts). No other imports, so the content config stays light.
 */
import { z } from 'zod';

/**
 * A day as YYYY-MM-DD. Astro's YAML reads an unquoted 2024-05-01 as a Date and the precompute's as a string:
 * both come out as the string.
 */
const IsoDate = z.union([z.iso.date(), z.date().transform((date) => date.toISOString().slice(0, 10))]);

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
    /** Publication date, shown under the title. */
    date: IsoDate.optional().describe('Publication date as YYYY-MM-DD, shown under the title.'),
    /** Who wrote it, shown under the title. */
    author: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe('Who wrote the article: a name, or a list of names; shown under the title.'),
    /** The figure that stands for the article in link previews and the index (check-frontmatter.ts checks it). */
    cover: z
      .string()
      .min(1)
      .optional()
      .describe("The name of one of the article's figures (its name prop), the article's picture in link previews."),
  })
  .strict();
