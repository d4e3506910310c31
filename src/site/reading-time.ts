/**
 * An article's reading time, for its card: the words of its prose (paragraphs, headings, lists, asides,
 * footnotes, code) at 230 words a minute, rounded up. Figures are left out, their captions included: a
 * reader looks at a figure for as long as it takes, which no word count predicts. Math and the frontmatter
 * are not prose either. Pure: it reads the MDX text it is given.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isFigureElement } from '../figures/numbering.ts';

/** Words a minute: the usual figure for adults reading non-fiction on a screen. */
export const WORDS_PER_MINUTE = 230;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkFrontmatter, ['yaml']);

/** The words of the article's prose, figures, math and frontmatter left out. */
export function proseWords(mdx: string): number {
  let words = 0;
  visit(parser.parse(mdx), (node) => {
    if (isFigureElement(node) || node.type === 'yaml' || node.type === 'math' || node.type === 'inlineMath')
      return SKIP;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
      words += (node as unknown as { value: string }).value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    }
    return undefined;
  });
  return words;
}

/** Whole minutes to read the prose, at least 1. */
export function readingMinutes(mdx: string): number {
  return Math.max(1, Math.ceil(proseWords(mdx) / WORDS_PER_MINUTE));
}
