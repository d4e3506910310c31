/**
 * TeX to MathML, at build time, with the site's one math library (temml). Pages get MathML only: no math
 * engine ships to the reader, and the browser typesets it natively (MathML Core).
 *
 * A formula whose numbers the page changes writes them as slots (`numberSlot('w-out')`, or
 * `relationSlot('w-rel')` for an = that may become ≈): temml renders each as one marked element
 * (<mn data-math-slot="w-out">), which gets its value here and is rewritten by the page with setSlots
 * (slots.ts). Every slot renders from the same placeholder, so the markup never depends on the value (a
 * negative number or a thousands separator would otherwise become several elements).
 */
import temml from 'temml';
import { escapeHtml } from '../figures/common/html.ts';
import { SLOT_ATTRIBUTE, SLOT_KEY } from './slots.ts';

export interface MathOptions {
  /** A block on its own line (display style) rather than math inside a sentence. */
  display?: boolean;
  /** The value of each slot the TeX writes. */
  values?: Record<string, string>;
}

const NUMBER_PLACEHOLDER = '0';
const RELATION_PLACEHOLDER = '=';

function slotKey(key: string): string {
  if (!SLOT_KEY.test(key)) throw new Error(`math slot "${key}": use lower-case letters, digits and dashes`);
  return key;
}

/** TeX for a number the page may rewrite. */
export function numberSlot(key: string): string {
  return String.raw`\data{${SLOT_ATTRIBUTE.slice(5)}=${slotKey(key)}}{${NUMBER_PLACEHOLDER}}`;
}

/** TeX for a relation (=, ≈) the page may rewrite; spaced as a relation. */
export function relationSlot(key: string): string {
  return String.raw`\mathrel{\data{${SLOT_ATTRIBUTE.slice(5)}=${slotKey(key)}}{${RELATION_PLACEHOLDER}}}`;
}

/** The MathML of `tex` (a <math> element as a string); throws on a TeX error or a slot without a value. */
export function texToMathml(tex: string, { display = false, values = {} }: MathOptions = {}): string {
  const markup = temml.renderToString(tex, {
    displayMode: display,
    throwOnError: true,
    // \data is how slots are marked; nothing else that writes attributes is needed.
    trust: (context: { command?: string }) => context.command === '\\data',
  });
  const slot = new RegExp(`<(mn|mo)([^>]*) ${SLOT_ATTRIBUTE}="([^"]+)"([^>]*)>[^<]*</\\1>`, 'g');
  return markup.replace(slot, (_, tag: string, before: string, key: string, after: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`math slot "${key}" has no value in: ${tex}`);
    return `<${tag}${before} ${SLOT_ATTRIBUTE}="${key}"${after}>${escapeHtml(value)}</${tag}>`;
  });
}
