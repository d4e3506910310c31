/**
 * Figure numbers: every figure component of an article, in source order (a <FigureRow>'s figures one each),
 * is Figure 1, 2, ... The scan (scan.ts) and the Markdown plugin that hands each figure its number when
 * Astro compiles the MDX walk the same tree in the same order with the same test, so the numbers never depend on render order
 * (Astro may render sibling components concurrently).
 */
import { kindOfComponent } from './registry/authoring.ts';

/** The prop the plugin adds to each figure element: its number, as a string. */
export const FIGURE_NUMBER_PROP = 'data-figure-number';

export interface JsxElement {
  type: string;
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children?: unknown[];
}

/** A figure component's element (an MDX JSX element whose tag is a registered figure component). */
export function isFigureElement(node: { type: string }): node is JsxElement & { name: string } {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return false;
  const name = (node as JsxElement).name;
  return !!name && kindOfComponent(name) !== undefined;
}

/** What the plugin's hooks are handed with each node: the way to change it (Astro's Sätteri processor). */
export interface PluginContext {
  replaceNode(node: JsxElement, replacement: JsxElement): void;
}

/**
 * Markdown plugin (astro.config.mjs, Astro's Sätteri processor, which MDX inherits): a factory called once
 * per document, whose hooks see its JSX elements in document order and give each figure its number.
 */
export function figureNumbersPlugin() {
  let number = 0;
  const numberFigure = (node: JsxElement, context: PluginContext) => {
    if (!isFigureElement(node)) return;
    const attribute = { type: 'mdxJsxAttribute', name: FIGURE_NUMBER_PROP, value: String(++number) };
    // The processor lets a plugin replace a JSX element, not set its attributes: the same element, one more.
    context.replaceNode(node, { ...node, attributes: [...node.attributes, attribute], children: node.children });
  };
  return { name: 'layerlens-figure-numbers', mdxJsxFlowElement: numberFigure, mdxJsxTextElement: numberFigure };
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
