/**
 * A prop's type as an author writes it ("integer (1 to 20)", `one of "a" | "b"`, "array of strings"), read
 * from the JSON Schema that zod 4 makes of the prop's schema (z.toJSONSchema), so it cannot drift from the
 * schema the build validates with.
 */

/** The part of JSON Schema that zod emits for props. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
}

/** Bounds zod writes for any integer (Number.MAX_SAFE_INTEGER): no real limit, so not worth a reader's time. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

const PLURAL: Record<string, string> = {
  string: 'strings',
  integer: 'integers',
  number: 'numbers',
  boolean: 'booleans',
  object: 'objects',
};

/** The type of a prop in words, e.g. `integer (1 to 20)` or `"all" or array of integers (>= 0)`. */
export function typeText(schema: JsonSchema): string {
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeText))].join(' or ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(' | ')}`;
  if (schema.type === 'array') return arrayText(schema);
  if (schema.type === 'object' && schema.properties)
    return `object {${Object.entries(schema.properties)
      .map(([key, value]) => `"${key}": ${typeText(value)}`)
      .join(', ')}}`;
  if (schema.type === 'string' && schema.format === 'date') return 'date, YYYY-MM-DD';
  if (schema.type === 'integer' || schema.type === 'number') return `${schema.type}${rangeText(schema)}`;
  return schema.type ?? 'any';
}

function arrayText(schema: JsonSchema): string {
  const items = schema.items ?? {};
  const plain = items.type && PLURAL[items.type] && !items.enum && items.const === undefined && !items.properties;
  const of = plain ? `${PLURAL[items.type!]}${rangeText(items)}` : `(${typeText(items)})`;
  const { minItems: min = 0, maxItems: max } = schema;
  const count =
    max !== undefined
      ? min
        ? `, ${min} to ${max} items`
        : `, at most ${max} items`
      : min > 1
        ? `, at least ${min} items`
        : '';
  return `array of ${of}${count}`;
}

/** " (1 to 20)", " (> 0)", " (≥ 2)": the bounds of a number, where it has any (an integer above 0 is 1 or more). */
function rangeText(schema: JsonSchema): string {
  const max = schema.maximum !== undefined && schema.maximum < UNBOUNDED ? schema.maximum : undefined;
  const above = schema.exclusiveMinimum;
  const min = above !== undefined && schema.type === 'integer' ? above + 1 : schema.minimum;
  if (above !== undefined && min === schema.minimum)
    return max !== undefined ? ` (> ${above}, ≤ ${max})` : ` (> ${above})`;
  if (min !== undefined) return max !== undefined ? ` (${min} to ${max})` : ` (≥ ${min})`;
  return max !== undefined ? ` (≤ ${max})` : '';
}

/**
 * A default the schema cannot hold because it depends on something else (the build profile, the model, the
 * article's photo), as its doc line states it: "(default: near-square)" or "...; default: the article's photo.".
 */
export function describedDefault(doc: string): string | null {
  const inParens = /\(default:? ([^()]*)\)/.exec(doc);
  if (inParens) return inParens[1]!.trim();
  const trailing = /(?:^|[;,.] )default:? (.*?)\.?$/i.exec(doc);
  return trailing ? trailing[1]!.trim() : null;
}
