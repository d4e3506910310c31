/**
 * Figure numbers: every figure component of an article, in source order (a <FigureRow>'s figures one each),
 * is Figure 1, 2, ... The scan (scan.ts) and the remark plugin that hands each figure its number when Astro
 * compiles the MDX walk the same tree with the same test, so the numbers never depend on render order
 * (Astro may render sibling components concurrently).
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { kindOfComponent } from './registry/authoring.ts';

/** The prop the remark plugin adds to each figure element: its number, as a string. */
export const FIGURE_NUMBER_PROP = 'data-figure-number';

interface JsxElement {
  type: string;
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

/** A figure component's element (an MDX JSX element whose tag is a registered figure component). */
export function isFigureElement(node: { type: string }): node is JsxElement & { name: string } {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return false;
  const name = (node as JsxElement).name;
  return !!name && kindOfComponent(name) !== undefined;
}

/** Remark plugin (astro.config.mjs): gives every figure element its number as FIGURE_NUMBER_PROP. */
export function remarkFigureNumbers() {
  return (tree: Root) => {
    let number = 0;
    visit(tree, (node) => {
      if (isFigureElement(node))
        node.attributes.push({ type: 'mdxJsxAttribute', name: FIGURE_NUMBER_PROP, value: String(++number) });
    });
  };
}

/** The number a figure component was handed, or undefined outside an article compiled with the plugin. */
export function figureNumberOf(props: Record<string, unknown>): number | undefined {
  const value = Number(props[FIGURE_NUMBER_PROP]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** "Figure 3", the label of a figure's number in captions and references. */
export function figureLabel(number: number): string {
  return `Figure ${number}`;
}
