/**
 * Finds the figures an article declares: parses the MDX (with its frontmatter) and returns every figure
 * component with its literal props, its number and the line it is on, and every <Ref> and <Cite>. Props must be literals (strings, numbers,
 * booleans, JSON arrays) because the build computes figures before any article code runs.
 */
import { readFile } from 'node:fs/promises';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { kindOfComponent } from './registry/authoring.ts';
import { isFigureElement } from './numbering.ts';
import type { RecipeKind } from './registry/types.ts';
import type { FrontmatterPlace } from './check-frontmatter.ts';
import { mathProblem } from '../math/math-component.ts';

export interface DeclaredFigure {
  /** The MDX tag, e.g. FeatureMapGrid. */
  component: string;
  /** The figure kind it is, e.g. feature-maps. */
  kind: RecipeKind;
  props: Record<string, unknown>;
  /** Its number in the article (source order, from 1): "Figure 3." in its caption. */
  number: number;
  /** 1-based line and column of the component tag. */
  line: number;
  column: number;
}

/** A vocabulary element (<Ref>, <Cite>) with its literal props and position. */
export interface DeclaredElement {
  props: Record<string, unknown>;
  line: number;
  column: number;
}

export interface ScannedArticle {
  file: string;
  frontmatter: Record<string, unknown>;
  /** Where the frontmatter is (null: the file has none), for messages at its own lines. */
  frontmatterPlace: FrontmatterPlace | null;
  figures: DeclaredFigure[];
  /** Every <Ref to="name"> (a link to a figure by its name). */
  refs: DeclaredElement[];
  /** Every <Cite key="..."> or <Cite keys={[...]}> (a citation of the bibliography). */
  cites: DeclaredElement[];
  /** Props that are not literals, as "file:line: message". */
  problems: string[];
}

interface JsxAttribute {
  type: string;
  name: string;
  value: string | null | { type: string; value: string };
}

interface JsxNode {
  type: string;
  name: string | null;
  attributes: JsxAttribute[];
  position?: { start: { line: number; column: number } };
}

/** Elements the scan reads besides figures, by tag. */
const VOCABULARY = { Ref: 'refs', Cite: 'cites' } as const;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkFrontmatter, ['yaml']);

export async function scanArticle(file: string, displayName = file): Promise<ScannedArticle> {
  const tree = parser.parse(await readFile(file, 'utf8'));
  const result: ScannedArticle = {
    file: displayName,
    frontmatter: {},
    frontmatterPlace: null,
    figures: [],
    refs: [],
    cites: [],
    problems: [],
  };
  let number = 0;
  visit(tree, (node) => {
    if (node.type === 'yaml') {
      const text = (node as unknown as { value: string }).value;
      result.frontmatter = (parseYaml(text) ?? {}) as Record<string, unknown>;
      result.frontmatterPlace = placeOf(text, node.position?.start.line ?? 1);
    }
    if (node.type === 'inlineMath' || node.type === 'math') {
      const problem = mathProblem((node as unknown as { value: string }).value, node.type === 'math');
      const { line = 0, column = 0 } = node.position?.start ?? {};
      if (problem) result.problems.push(`${displayName}:${line}:${column}: math: ${problem}`);
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const jsx = node as unknown as JsxNode;
    const { line = 0, column = 0 } = jsx.position?.start ?? {};
    const list =
      jsx.name && Object.hasOwn(VOCABULARY, jsx.name) ? VOCABULARY[jsx.name as keyof typeof VOCABULARY] : null;
    if (list) {
      const props = literalProps(jsx, `${displayName}:${line}:${column}`, result.problems);
      if (props) result[list].push({ props, line, column });
      return;
    }
    // Numbered before the literal check, as the remark plugin numbers every figure element (numbering.ts).
    if (!isFigureElement(node)) return;
    number++;
    const kind = kindOfComponent(jsx.name!)!;
    const props = literalProps(jsx, `${displayName}:${line}:${column}`, result.problems);
    // A figure with a non-literal prop is reported once, not again as "prop missing".
    if (props) result.figures.push({ component: jsx.name!, kind, props, number, line, column });
  });
  return result;
}

/** The element's props if all are literals; else null, each problem added as "where: <Tag> message". */
function literalProps(jsx: JsxNode, where: string, problems: string[]): Record<string, unknown> | null {
  const props: Record<string, unknown> = {};
  let literal = true;
  for (const attribute of jsx.attributes) {
    const value = attributeValue(attribute);
    if ('error' in value) {
      problems.push(`${where}: <${jsx.name}> ${value.error}`);
      literal = false;
    } else props[attribute.name] = value.value;
  }
  return literal ? props : null;
}

function attributeValue(attribute: JsxAttribute): { value: unknown } | { error: string } {
  if (attribute.type !== 'mdxJsxAttribute') return { error: 'spread props are not supported: write each prop out' };
  if (attribute.value === null) return { value: true };
  if (typeof attribute.value === 'string') return { value: attribute.value };
  try {
    return { value: JSON.parse(attribute.value.value) };
  } catch {
    return {
      error: `prop "${attribute.name}" must be a literal (a string, number, true/false or a JSON array), got {${attribute.value.value}}`,
    };
  }
}

/** The frontmatter's first line (the opening ---) and the line of each top-level key in the file. */
function placeOf(yaml: string, line: number): FrontmatterPlace {
  const keys: Record<string, number> = {};
  yaml.split('\n').forEach((text, i) => {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1];
    if (key && !(key in keys)) keys[key] = line + 1 + i;
  });
  return { line, keys };
}
