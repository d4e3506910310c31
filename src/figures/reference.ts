/**
 * The figure reference, made from the schemas the build validates with: every registered figure component
 * with its summary and props (name, type as an author writes it, default, doc line), the props every figure
 * takes, and the frontmatter's fields. The /reference/ page renders it; a fast test holds every prop to a doc
 * line. Build-time only (Zod).
 */
import { z } from 'zod';
import { AUTHORING } from './registry/authoring.ts';
import { FigureLevelSchema } from './figure-props.ts';
import { ArticleFrontmatter } from './frontmatter.ts';
import { describedDefault, typeText, type JsonSchema } from './reference-type.ts';

export interface PropReference {
  name: string;
  /** The type as an author writes it, e.g. `one of "squash" | "center-crop" | "short-side"`. */
  type: string;
  /** The schema's default as MDX or YAML would write it (`5`, `"squash"`), or null when it has none. */
  default: string | null;
  /** A default that depends on something else, as the doc line states it ("the build profile's"), or null. */
  describedDefault: string | null;
  /** Whether the author must give it. */
  required: boolean;
  /** The schema's `.describe()` line ("" when missing: the fast test fails on that). */
  doc: string;
}

export interface ComponentReference {
  /** The MDX tag, e.g. FeatureMapGrid. */
  component: string;
  /** The figure kind, e.g. feature-maps. */
  kind: string;
  /** What the figure shows, in one line. */
  summary: string;
  props: PropReference[];
}

/** Every prop of an object schema, in the schema's order, read from its JSON Schema (input side). */
export function propsOf(schema: z.ZodObject): PropReference[] {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // YAML reads an unquoted 2024-05-01 as a date: the author writes the same thing as the string form.
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date' });
    },
  }) as JsonSchema & { required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const doc = prop.description ?? '';
    const hasDefault = prop.default !== undefined;
    return {
      name,
      type: typeText(prop),
      default: hasDefault ? literal(prop.default) : null,
      describedDefault: hasDefault ? null : describedDefault(doc),
      required: json.required?.includes(name) ?? false,
      doc,
    };
  });
}

/** A default as an author writes it in MDX or YAML: JSON with a space after each comma (`[10, 100, 1000]`). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, v]) => `${JSON.stringify(key)}: ${literal(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/** Every registered figure component, in registry order. */
export function figureReference(): ComponentReference[] {
  return Object.values(AUTHORING).map((a) => ({
    component: a.component,
    kind: a.kind,
    summary: a.summary,
    props: propsOf(a.props),
  }));
}

/** The props every figure takes whatever its kind (follows: figures of a photo only). */
export function figureLevelReference(): PropReference[] {
  return propsOf(FigureLevelSchema);
}

/** The article's frontmatter fields. */
export function frontmatterReference(): PropReference[] {
  return propsOf(ArticleFrontmatter);
}
