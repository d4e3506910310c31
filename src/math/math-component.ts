/**
 * Math in articles: `$...$` inside a sentence and `$$ ... $$` on lines of their own become the <Math>
 * component, which typesets them as MathML at build time with the site's one math library (mathml.ts).
 * Authors may also write <Math tex="..." /> themselves.
 * - The site's Markdown processor (Astro's Sätteri) parses the math (its `math` feature) and runs
 *   `mathComponentPlugin` over it; Sätteri plugins are not remark plugins, so this one is written for it.
 * - The article scan (scan.ts, remark with remark-math: the same `$` rules) checks every formula with
 *   `mathProblem` before any precompute, and reports a TeX error at the formula's file and line.
 */
import type { InlineMath, Math as BlockMath } from 'mdast-util-math';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { defineMdastPlugin } from 'satteri';
import { texToMathml } from './mathml.ts';

type MdxJsxElement = MdxJsxTextElement | MdxJsxFlowElement;

/** The component name articles' math turns into (passed to MDX's components with the figures). */
export const MATH_COMPONENT = 'Math';

type MathNode = InlineMath | BlockMath;

function component(type: 'mdxJsxTextElement' | 'mdxJsxFlowElement', node: MathNode): MdxJsxElement {
  const attributes: MdxJsxElement['attributes'] = [{ type: 'mdxJsxAttribute', name: 'tex', value: node.value }];
  if (type === 'mdxJsxFlowElement') attributes.push({ type: 'mdxJsxAttribute', name: 'display', value: null });
  return { type, name: MATH_COMPONENT, attributes, children: [] } as MdxJsxElement;
}

/** A Sätteri mdast plugin: every inline math node becomes <Math tex />, every block <Math tex display />. */
export const mathComponentPlugin = defineMdastPlugin({
  name: 'layerlens-math-component',
  inlineMath(node, ctx) {
    ctx.replaceNode(node, component('mdxJsxTextElement', node));
  },
  math(node, ctx) {
    ctx.replaceNode(node, component('mdxJsxFlowElement', node));
  },
});

/** Why a formula does not typeset (temml's message), or null when it does. */
export function mathProblem(tex: string, display: boolean): string | null {
  try {
    texToMathml(tex, { display });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error);
  }
}
