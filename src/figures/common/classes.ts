/**
 * Classes by name: a prop naming an output class of a model takes its output index (947) or its name as the
 * model's labels spell it ("tabby", in any case). A name two classes share (Tiny Darknet's two "crane", the
 * bird and the machine) is refused with both written unambiguously, the label with its WordNet id:
 * "crane (n02012849)"; the bare id, "n02012849", works too.
 *
 * A kind with such a prop declares it in `names` (`classes: [p.class]`): validate.ts then refuses a class
 * that does not resolve before any recipe is made, with the file, the line and the valid choices, as it does
 * for layers and images. `toRecipe` turns the prop into an index with `resolveClassProp`, one line, and the
 * recipe keeps plain indexes.
 */
import { z } from 'zod';
import type { RecipeContext } from '../contract/authoring.ts';
import { nearest, suggestion } from '../suggest.ts';

/** One output class of a model: its label ('' when the model's registry names none) and WordNet id if known. */
export interface ClassLabel {
  label: string;
  wnid?: string;
}

/** A class as an author writes it: its output index, or its name. */
export type ClassValue = number | string;

export const classProp = z
  .union([z.number().int().nonnegative(), z.string().trim().min(1)])
  .describe(
    'Class as its output index or its name ("tabby", "crane (n02012849)"); a name two classes share needs its WordNet id.',
  );

export const classesProp = z
  .array(classProp)
  .min(1)
  .describe('Classes, each as its output index or its name ("tabby", "crane (n02012849)").');

/** A class list at most this long is printed whole in a message; a longer one, its nearest names only. */
const LIST_ALL = 12;
const NEAREST = 5;

const WNID = /^n\d{8}$/i;
/** "crane (n02012849)": a label followed by its WordNet id in parentheses. */
const LABEL_WITH_WNID = /^(.*?)\s*\((n\d{8})\)$/i;
/** "947": an index written as a string (class="947" in MDX). */
const INDEX = /^\d+$/;

/** The output index `value` names among a model's classes, or the problem with the valid choices. */
export function resolveClass(
  value: ClassValue,
  classes: ClassLabel[],
  model: string,
): { index: number } | { problem: string } {
  const text = typeof value === 'string' ? value.trim() : String(value);
  if (typeof value === 'number' || INDEX.test(text)) {
    const index = Number(text);
    return Number.isInteger(index) && index >= 0 && index < classes.length
      ? { index }
      : { problem: `class ${text} does not exist in ${model}; valid classes: 0-${classes.length - 1}` };
  }
  if (!classes.some((c) => c.label)) {
    return { problem: `model ${model} names no classes; give the class as its output index, 0-${classes.length - 1}` };
  }
  const withWnid = LABEL_WITH_WNID.exec(text);
  const wnid = withWnid ? withWnid[2]! : WNID.test(text) ? text : undefined;
  if (wnid !== undefined) {
    const index = classes.findIndex((c) => c.wnid?.toLowerCase() === wnid.toLowerCase());
    const label = withWnid?.[1];
    if (index >= 0 && (label === undefined || sameLabel(label, classes[index]!.label))) return { index };
    if (index >= 0) {
      return { problem: `class "${text}": ${wnid} is "${classDisplayName(index, classes)}" in ${model}` };
    }
    return { problem: unknownClass(text, classes, model) };
  }
  const matches = classes.flatMap((c, index) => (sameLabel(c.label, text) ? [index] : []));
  if (matches.length === 1) return { index: matches[0]! };
  if (!matches.length) return { problem: unknownClass(text, classes, model) };
  const ways = matches.every((i) => classes[i]!.wnid)
    ? `write ${matches.map((i) => `"${classDisplayName(i, classes)}" (index ${i})`).join(' or ')}`
    : `give its output index: ${matches.join(' or ')}`;
  return { problem: `class "${text}" names ${matches.length} classes of ${model}; ${ways}` };
}

/** The class's label, with its WordNet id in parentheses when another class has the same label. */
export function classDisplayName(index: number, classes: ClassLabel[]): string {
  const { label, wnid } = classes[index] ?? { label: '' };
  if (!label) return `class ${index}`;
  if (!labelIsShared(index, classes)) return label;
  return wnid ? `${label} (${wnid})` : `${label} (class ${index})`;
}

/** Another class of the model has this class's label (in any case), so the label alone is ambiguous. */
export function labelIsShared(index: number, classes: ClassLabel[]): boolean {
  const label = classes[index]?.label;
  return !!label && classes.some((c, i) => i !== index && sameLabel(c.label, label));
}

/**
 * A class prop as its output index, for `toRecipe`. validate.ts has already refused a class that does not
 * resolve when the kind declares the prop in `names.classes`, so a problem here is the kind's mistake: it throws.
 */
export function resolveClassProp(value: ClassValue, context: RecipeContext, model: string): number {
  const resolved = resolveClass(value, context.classLabels(model), model);
  if ('problem' in resolved) throw new Error(`${resolved.problem} (a class prop the kind left out of names.classes)`);
  return resolved.index;
}

function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * An unknown name: the closest one if it looks like a typo, and the valid names (the nearest, when many). A
 * name that part of some names contains ("cat") gets those, not a typo's guess ("cab").
 */
function unknownClass(text: string, classes: ClassLabel[], model: string): string {
  const names = [...new Set(classes.flatMap((c, i) => (c.label ? [classDisplayName(i, classes)] : [])))];
  const partOf = names.some((name) => name.toLowerCase().includes(text.toLowerCase()));
  const quoted = (list: string[]) => list.map((name) => `"${name}"`).join(', ');
  const valid =
    names.length <= LIST_ALL
      ? quoted(names)
      : `one of its ${names.length} names (nearest: ${quoted(nearest(text, names, NEAREST))})`;
  return `unknown class "${text}" for model ${model}${partOf ? '' : suggestion(text, names)}; valid classes: 0-${classes.length - 1} or ${valid}`;
}
